using System.Globalization;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.Telegram.Tests.EndToEnd;

/// <summary>
/// 200 simulated users send 10 messages each, all at once, with the adapter's offset kept in real SQLite. Every message must be answered exactly once and in
/// order per chat. Figures (throughput, p50/p99 latency from update available to reply received) are written to
/// the test output; they are not asserted, since wall-clock numbers depend on the machine.
/// Set SMARTPICK_TELEGRAM_LOAD=production to run with the production rate limits (1 msg/s per chat, 25/s overall).
/// </summary>
public sealed class ConcurrentUsersTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Users = 200;
    private const int MessagesPerUser = 10;
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task TwoHundredUsersTimesTenMessages_EveryMessageAnsweredExactlyOnceInOrderPerChat()
    {
        // Arrange: an engine that takes a few milliseconds per message, like a store round trip.
        var production = Environment.GetEnvironmentVariable("SMARTPICK_TELEGRAM_LOAD") == "production";
        var engine = new FakeEngine
        {
            Respond = async (m, ct) =>
            {
                await Task.Delay(5, ct);
                return [new Reply("echo: " + ((TextContent)m.Content).Text)];
            },
        };
        using var database = new RealBot();
        using var host = TestBot.WithFakeEngineAndSqlite(_api, engine, database.DatabasePath, s =>
        {
            if (production)
            {
                s.Remove("SmartPick:Telegram:PerChatIntervalMilliseconds");
                s.Remove("SmartPick:Telegram:GlobalMessagesPerSecond");
            }
        });
        await host.StartAsync();
        await _api.WaitUntilAsync(f => f.CallsOf("setMyCommands").Count == 3);

        // Act: round-robin, as if every user typed quickly at the same time.
        var updateOf = new Dictionary<(long User, int N), int>();
        var started = _api.NowMs;
        for (var n = 0; n < MessagesPerUser; n++)
        {
            for (long user = 1; user <= Users; user++)
            {
                updateOf[(user, n)] = _api.SendText(user, "m" + n.ToString(CultureInfo.InvariantCulture));
            }
        }

        await _api.WaitUntilAsync(f => f.CallsOf("sendMessage").Count(c => c.Succeeded) >= Users * MessagesPerUser, TimeSpan.FromSeconds(production ? 180 : 60));
        await Task.Delay(200); // anything extra would show up now
        await host.StopAsync();

        // Assert
        var latencies = new List<double>();
        for (long user = 1; user <= Users; user++)
        {
            var sent = _api.SentTo(user);
            Assert.Equal(Enumerable.Range(0, MessagesPerUser).Select(n => "echo: m" + n), sent.Select(s => s.Text));
            latencies.AddRange(sent.Select((s, n) => s.AtMs - _api.EnqueuedAtMs(updateOf[(user, n)])!.Value));
        }

        Assert.Equal(Users * MessagesPerUser, engine.Received.Count);
        var elapsedMs = _api.Calls.Where(c => c.Method == "sendMessage").Max(c => c.AtMs) - started;
        latencies.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(production ? "production limits" : "no send limits")}: {Users * MessagesPerUser} replies in {elapsedMs:F0} ms = {Users * MessagesPerUser / (elapsedMs / 1000):F0} msg/s; " +
            $"latency p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}
