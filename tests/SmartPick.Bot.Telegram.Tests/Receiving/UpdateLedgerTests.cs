using SmartPick.Bot.Telegram.Receiving;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.Receiving;

public sealed class UpdateLedgerTests
{
    private readonly InMemoryAdapterStateStore _store = new();

    [Fact]
    public async Task Complete_OutOfOrder_PersistsLowestUnfinishedIdAndTheDoneOnesAboveIt()
    {
        // Arrange
        using var ledger = new UpdateLedger(_store);
        foreach (var id in new[] { 5, 6, 7, 8 })
        {
            Assert.True(ledger.TryBegin(id));
        }

        // Act: 5 is slow; 6 and 8 finish.
        await ledger.CompleteAsync(6, CancellationToken.None);
        await ledger.CompleteAsync(8, CancellationToken.None);

        // Assert
        Assert.Equal("5 6,8", _store.Values[UpdateLedger.OffsetKey]);
        Assert.Equal(5, ledger.FetchOffset);
    }

    [Fact]
    public async Task Load_AfterACrash_SkipsFinishedUpdatesAndRedoesUnfinishedOnes()
    {
        using (var before = new UpdateLedger(_store))
        {
            before.TryBegin(5);
            before.TryBegin(6);
            await before.CompleteAsync(6, CancellationToken.None);
        }

        using var after = new UpdateLedger(_store);
        Assert.Equal(5, await after.LoadAsync(CancellationToken.None));

        Assert.Equal([true, false, true], new[] { 5, 6, 7 }.Select(after.TryBegin));
    }

    [Fact]
    public async Task Complete_InOrder_MovesTheOffsetPastEverything()
    {
        using var ledger = new UpdateLedger(_store);
        ledger.TryBegin(10);
        ledger.TryBegin(11);

        await ledger.CompleteAsync(10, CancellationToken.None);
        await ledger.CompleteAsync(11, CancellationToken.None);

        Assert.Equal("12", _store.Values[UpdateLedger.OffsetKey]);
        Assert.False(ledger.TryBegin(11));
        Assert.Equal(12, ledger.FetchOffset);
    }

    [Fact]
    public void FetchOffset_OnFirstStart_IsNull() => Assert.Null(new UpdateLedger(_store).FetchOffset);
}
