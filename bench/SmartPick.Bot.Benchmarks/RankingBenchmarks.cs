using BenchmarkDotNet.Attributes;
using SmartPick.Ranking;
using SmartPick.Ranking.Planning;
using SmartPick.Ranking.Quadrature;

namespace SmartPick.Bot.Benchmarks;

/// <summary>
/// Rank the IM catalog for one profile, quadrature included (target &lt; 0.3 ms), and plan over 121 candidates.
/// Warm: β and the reference list are cached per specialty and score after the first call, as in the running bot.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RankingBenchmarks
{
    private RankingEngine _engine = null!;
    private PlanCandidate[] _candidates = [];
    private GaussHermite _rule = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new RankingEngine(BenchData.Load());
        _engine.Rank(BenchData.Profile, new RankQuery("Internal Medicine", 2026, Top: 20));
        _rule = GaussHermite.For(0.9);
        _candidates = [.. Enumerable.Range(0, 121).Select(i => -2.0 - (i / 40.0)).Select((eta, i) => new PlanCandidate($"{1400500000 + i}", eta, _rule.MeanLogistic(eta), 0.18))];
    }

    [Benchmark]
    public RankResult RankCatalog() => _engine.Rank(BenchData.Profile, new RankQuery("Internal Medicine", 2026, Top: 20));

    [Benchmark]
    public PlanResult Plan120() => Planner.Plan(_candidates, _rule, new RankingSettings { MinRelativeGain = 0 }, 0, _candidates.Length);
}

/// <summary>Ranking cost against catalog size: each 10× step should cost at most 11× time; allocations should not grow.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScalingBenchmarks
{
    private RankingEngine _engine = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Programs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new RankingEngine(BenchData.Synthetic(BenchData.Load(), Programs));
        _engine.Rank(BenchData.Profile, new RankQuery("Internal Medicine", 2026, Top: 20));
    }

    [Benchmark]
    public RankResult RankSynthetic() => _engine.Rank(BenchData.Profile, new RankQuery("Internal Medicine", 2026, Top: 20));
}
