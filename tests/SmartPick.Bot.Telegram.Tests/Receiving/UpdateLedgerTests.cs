using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Receiving;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.Receiving;

public sealed class UpdateLedgerTests
{
    private readonly InMemoryAdapterStateStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Complete_OutOfOrder_PersistsLowestUnfinishedIdAndTheDoneOnesAboveIt()
    {
        // Arrange
        using var ledger = Ledger();
        foreach (var id in new[] { 5, 6, 7, 8 })
        {
            Assert.True(ledger.TryBegin(id));
        }

        // Act: 5 is slow; 6 and 8 finish.
        await ledger.CompleteAsync(6, CancellationToken.None);
        await ledger.CompleteAsync(8, CancellationToken.None);

        // Assert
        Assert.Equal("offset=5;done=6,8;bot=42;saved=1795694400", _store.Values[UpdateLedger.OffsetKey]);
        Assert.Equal(5, ledger.FetchOffset);
    }

    [Fact]
    public async Task Load_AfterACrash_SkipsFinishedUpdatesAndRedoesUnfinishedOnes()
    {
        using (var before = Ledger())
        {
            before.TryBegin(5);
            before.TryBegin(6);
            await before.CompleteAsync(6, CancellationToken.None);
        }

        using var after = Ledger();
        Assert.Equal(5, await after.LoadAsync(CancellationToken.None));

        Assert.Equal([true, false, true], new[] { 5, 6, 7 }.Select(after.TryBegin));
    }

    [Fact]
    public async Task Complete_InOrder_MovesTheOffsetPastEverything()
    {
        using var ledger = Ledger();
        ledger.TryBegin(10);
        ledger.TryBegin(11);

        await ledger.CompleteAsync(10, CancellationToken.None);
        await ledger.CompleteAsync(11, CancellationToken.None);

        Assert.StartsWith("offset=12;done=;", _store.Values[UpdateLedger.OffsetKey], StringComparison.Ordinal);
        Assert.False(ledger.TryBegin(11));
        Assert.Equal(12, ledger.FetchOffset);
    }

    [Fact]
    public async Task Load_OffsetOlderThanTelegramKeepsUpdates_IsIgnored()
    {
        // After a quiet week Telegram restarts update ids at random; an old offset could hide every new update.
        using (var before = Ledger())
        {
            before.TryBegin(900_000);
            await before.CompleteAsync(900_000, CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromHours(25));
        using var after = Ledger();

        Assert.Null(await after.LoadAsync(CancellationToken.None));
        Assert.Null(after.FetchOffset);
        Assert.True(after.TryBegin(17));
    }

    [Fact]
    public async Task Load_OffsetOfAnotherBot_IsIgnored()
    {
        _store.Values[UpdateLedger.OffsetKey] = "offset=5;done=;bot=99;saved=1795694400";

        Assert.Null(await Ledger().LoadAsync(CancellationToken.None));
    }

    [Fact]
    public void FetchOffset_OnFirstStart_IsNull() => Assert.Null(Ledger().FetchOffset);

    private UpdateLedger Ledger()
    {
        var bot = new BotIdentity();
        bot.Set(42, "SmartPickTestBot");
        return new UpdateLedger(_store, bot, _time, NullLogger<UpdateLedger>.Instance);
    }
}
