using BenchmarkDotNet.Attributes;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Benchmarks.Bot;

/// <summary>
/// One engine turn without an LLM, including the SQLite write: load state, route, save, reply. Users rotate over
/// 1,000 stored profiles so the turn is not served from one hot row. Target: p99 under 5 ms (see <see cref="TurnLatency"/>
/// for the per-turn distribution; BenchmarkDotNet reports means and medians of iterations).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(PercentileConfig))]
public class EngineTurnBenchmarks
{
    private const int Users = 1_000;
    private BotFixture _bot = null!;
    private IConversationEngine _engine = null!;
    private int _turn;

    [GlobalSetup]
    public void Setup()
    {
        _bot = BotFixture.StartAsync().GetAwaiter().GetResult();
        _engine = _bot.Engine;
        Seed.ProfilesAsync(_engine, Users).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _bot.Dispose();

    /// <summary>"/profile set step2ck N": load, parse, validate, save the profile (a write every turn).</summary>
    [Benchmark]
    public Task<IReadOnlyList<Reply>> ProfileSetTurn()
    {
        var n = _turn++;
        return _engine.HandleAsync(BotFixture.Command(n % Users, "profile", "set step2ck " + (220 + (n % 40))), CancellationToken.None);
    }

    /// <summary>"/rank" for a complete profile: load, rank the catalog, render (read only).</summary>
    [Benchmark]
    public Task<IReadOnlyList<Reply>> RankTurn() =>
        _engine.HandleAsync(BotFixture.Command(_turn++ % Users, "rank", string.Empty), CancellationToken.None);
}
