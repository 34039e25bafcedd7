using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Telegram.Receiving;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.EndToEnd;

/// <summary>Stops and restarts the adapter on one state store; the fake Bot API keeps unconfirmed updates like Telegram.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly InMemoryAdapterStateStore _store = new();
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task GracefulStop_PersistsTheOffsetPastEveryHandledUpdate()
    {
        var engine = new FakeEngine();
        using var host = TestBot.WithFakeEngine(_api, engine, _store);
        await host.StartAsync();
        _api.SendText(1, "a");
        var last = _api.SendText(2, "b");
        await _api.WaitUntilAsync(f => f.SentTo(1).Count == 1 && f.SentTo(2).Count == 1);

        await host.StopAsync();

        Assert.StartsWith($"offset={last + 1};done=;bot={FakeBotApi.BotId};", _store.Values[UpdateLedger.OffsetKey], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopDuringASlowHandler_TheUpdateIsHandledOnceAfterRestart_AndFinishedOnesAreNotRepeated()
    {
        // Arrange: chat 1's handler hangs; chat 2's finishes.
        var hanging = new FakeEngine { Respond = async (m, ct) => m.UserId == "1" ? await Hang(ct) : await FakeEngine.EchoAsync(m, ct) };
        using (var first = TestBot.WithFakeEngine(_api, hanging, _store))
        {
            await first.StartAsync();
            _api.SendText(1, "slow");
            _api.SendText(2, "fast");
            await _api.WaitForSentAsync(2, 1);

            // Act: shutdown gives in-flight work 300 ms, then cancels it.
            using var budget = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await first.StopAsync(budget.Token);
        }

        var healthy = new FakeEngine();
        using var second = TestBot.WithFakeEngine(_api, healthy, _store);
        await second.StartAsync();
        await _api.WaitForSentAsync(1, 1);
        await _api.WaitUntilAsync(f => f.PendingUpdates == 0);
        await second.StopAsync();

        // Assert
        Assert.Equal(["echo: slow"], _api.SentTo(1).Select(s => s.Text));
        Assert.Equal(["echo: fast"], _api.SentTo(2).Select(s => s.Text));
        Assert.Equal(["slow"], healthy.Received.Select(m => ((TextContent)m.Content).Text));
    }

    [Fact]
    public async Task SecondPollerForTheSameToken_GetsConflictAndBacksOffWithoutLosingUpdates()
    {
        using var one = TestBot.WithFakeEngine(_api, new FakeEngine(), _store);
        using var two = TestBot.WithFakeEngine(_api, new FakeEngine(), new InMemoryAdapterStateStore());
        await one.StartAsync();
        await two.StartAsync();

        // Two long polls on one token: Telegram ends the older one with 409 Conflict.
        await _api.WaitUntilAsync(f => f.CallsOf("getUpdates").Any(c => c.Status == 409));

        for (var i = 0; i < 5; i++)
        {
            _api.SendText(100 + i, "hi " + i);
        }

        await _api.WaitUntilAsync(f => Enumerable.Range(100, 5).All(u => f.SentTo(u).Count >= 1));
        await two.StopAsync();
        await one.StopAsync();

        Assert.All(Enumerable.Range(100, 5), u => Assert.InRange(_api.SentTo(u).Count, 1, 2));
    }

    private static async Task<IReadOnlyList<Reply>> Hang(CancellationToken ct)
    {
        await Task.Delay(Timeout.Infinite, ct);
        return [];
    }
}
