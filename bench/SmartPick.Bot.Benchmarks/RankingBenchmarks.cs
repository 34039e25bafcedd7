using BenchmarkDotNet.Attributes;
using SmartPick.Ranking;
using SmartPick.Ranking.Planning;

namespace SmartPick.Bot.Benchmarks;

/// <summary>Rank the whole catalog for one profile (target &lt; 1 ms) and plan over 120 programs (target &lt; 5 ms).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class RankingBenchmarks
{
    private RankingEngine _engine = null!;
    private (string, double)[] _candidates = [];

    [GlobalSetup]
    public void Setup()
    {
        _engine = new RankingEngine(BenchData.Load());
        _candidates = [.. Enumerable.Range(0, 120).Select(i => ($"{1400500000 + i}", 0.01 + (i % 40 / 100.0)))];
    }

    [Benchmark]
    public RankResult RankCatalog() => _engine.Rank(BenchData.Profile, new RankQuery("Internal Medicine", 2026, Top: 20));

    [Benchmark]
    public PlanResult Plan120() => Planner.Plan(_candidates, 0.18, new SignalQuota { Gold = 3, Silver = 12 }, new RankingSettings { MinMarginalGain = 0 }, 2);
}

/// <summary>Ranking cost against catalog size: should grow linearly.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScalingBenchmarks
{
    private RankingEngine _engine = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Programs { get; set; }

    [GlobalSetup]
    public void Setup() => _engine = new RankingEngine(BenchData.Synthetic(BenchData.Load(), Programs));

    [Benchmark]
    public RankResult RankSynthetic() => _engine.Rank(BenchData.Profile, new RankQuery("Internal Medicine", 2026, Top: 20));
}
