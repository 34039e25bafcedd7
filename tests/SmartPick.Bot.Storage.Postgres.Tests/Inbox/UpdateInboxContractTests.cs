using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Inbox;

/// <summary>
/// The durable webhook inbox on both providers: a redelivery is stored once, a chat's items are handed out one at a time in
/// id order, and an item whose worker vanished is handed out again once its claim expired.
/// </summary>
public sealed class UpdateInboxContractTests
{
    private const string Source = "telegram:42";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 21, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Add_ARedelivery_IsStoredOnce(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var inbox = Inbox(storage);

        var first = await inbox.AddAsync(Source, 100, "7", "{\"update_id\":100}", None);
        var again = await Inbox(storage).AddAsync(Source, 100, "7", "{\"update_id\":100}", None);

        Assert.Equal((true, false), (first, again));
        Assert.Equal(100, (await inbox.ClaimAsync(Source, "w1", Lease, None))!.Id);
        Assert.Null(await inbox.ClaimAsync(Source, "w1", Lease, None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Claim_HandsOutAChatsItemsOneAtATimeInIdOrder_WhileOtherChatsGoAhead(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var inbox = Inbox(storage);
        await inbox.AddAsync(Source, 1, "A", "a1", None);
        await inbox.AddAsync(Source, 2, "B", "b2", None);
        await inbox.AddAsync(Source, 3, "A", "a3", None);

        var first = await inbox.ClaimAsync(Source, "w1", Lease, None);
        var second = await inbox.ClaimAsync(Source, "w2", Lease, None);
        var whileAIsBusy = await inbox.ClaimAsync(Source, "w3", Lease, None);
        var completed = await inbox.CompleteAsync(Source, 1, "w1", None);
        var afterA1 = await inbox.ClaimAsync(Source, "w3", Lease, None);

        Assert.Equal(("a1", "b2"), (first!.Payload, second!.Payload));
        Assert.Null(whileAIsBusy);
        Assert.True(completed);
        Assert.Equal(new InboxItem(3, "A", "a3", 1), afterA1);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Claim_OfAWorkerThatVanished_IsRedoneAfterItExpires_AndTheOldWorkerCannotCompleteIt(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var inbox = Inbox(storage);
        await inbox.AddAsync(Source, 5, "A", "a5", None);
        await inbox.AddAsync(Source, 6, "A", "a6", None);
        await inbox.ClaimAsync(Source, "crashed", Lease, None);

        var beforeExpiry = await inbox.ClaimAsync(Source, "w2", Lease, None);
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var redo = await inbox.ClaimAsync(Source, "w2", Lease, None);
        var lateCompletion = await inbox.CompleteAsync(Source, 5, "crashed", None);
        var renewed = await inbox.RenewAsync(Source, 5, "w2", Lease, None);

        Assert.Null(beforeExpiry);
        Assert.Equal(new InboxItem(5, "A", "a5", 2), redo);
        Assert.False(lateCompletion);
        Assert.True(renewed);
        Assert.True(await inbox.CompleteAsync(Source, 5, "w2", None));
        Assert.Equal(6, (await inbox.ClaimAsync(Source, "w2", Lease, None))!.Id);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Workers_OnTwoInstancesAtOnce_HandleEveryItemOnce_AndEachChatInOrder(string provider)
    {
        // Arrange: 12 chats x 8 items, ids interleaved across chats as Telegram numbers them.
        using var storage = TestStorage.Create(provider);
        var instances = new[] { Inbox(storage), Inbox(storage) };
        for (var id = 1; id <= 96; id++)
        {
            await instances[id % 2].AddAsync(Source, id, $"chat{id % 12}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), None);
        }

        // Act: four workers per instance claim and complete until the inbox is empty.
        var handled = new ConcurrentQueue<(string Chat, long Id)>();
        var busy = new ConcurrentDictionary<string, string>();
        var overlaps = 0;
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var owner = $"w{w}";
            var idle = 0;
            while (idle < 20)
            {
                var item = await instances[w % 2].ClaimAsync(Source, owner, Lease, None);
                if (item is null)
                {
                    idle++;
                    await Task.Delay(5);
                    continue;
                }

                idle = 0;
                if (!busy.TryAdd(item.Chat, owner))
                {
                    Interlocked.Increment(ref overlaps);
                }

                handled.Enqueue((item.Chat, item.Id));
                busy.TryRemove(item.Chat, out _);
                Assert.True(await instances[w % 2].CompleteAsync(Source, item.Id, owner, None));
            }
        }));
        await Task.WhenAll(workers);

        // Assert
        Assert.Equal(0, overlaps);
        Assert.Equal(Enumerable.Range(1, 96).Select(i => (long)i), handled.Select(h => h.Id).Order());
        Assert.All(handled.GroupBy(h => h.Chat), chat => Assert.Equal(chat.Select(h => h.Id).Order(), chat.Select(h => h.Id)));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Purge_DeletesOnlyItemsDoneBeforeTheCutoff(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var inbox = Inbox(storage);
        await inbox.AddAsync(Source, 1, "A", "a1", None);
        await inbox.AddAsync(Source, 2, "B", "b2", None);
        await inbox.ClaimAsync(Source, "w", Lease, None);
        await inbox.CompleteAsync(Source, 1, "w", None);
        _clock.Advance(TimeSpan.FromDays(2));

        var purged = await inbox.PurgeAsync(Source, _clock.GetUtcNow() - TimeSpan.FromDays(1), None);

        Assert.Equal(1, purged);
        Assert.True(await inbox.AddAsync(Source, 1, "A", "a1", None)); // forgotten, so no longer recognized
        Assert.False(await inbox.AddAsync(Source, 2, "B", "b2", None)); // still open
    }

    private IUpdateInbox Inbox(TestStorage storage) =>
        storage.NewInstance(b => b.Services.AddSingleton<TimeProvider>(_clock)).GetRequiredService<IUpdateInbox>();
}
