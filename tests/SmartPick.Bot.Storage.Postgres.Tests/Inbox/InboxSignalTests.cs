using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Inbox;

/// <summary>
/// Inbox signals on PostgreSQL (LISTEN/NOTIFY): an idle worker on one instance hears at once that another instance
/// stored an update or finished one, instead of finding out at its next poll.
/// </summary>
public sealed class InboxSignalTests
{
    private const string Source = "telegram:7000001";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;

    [PostgresFact]
    public async Task StoringOrFinishingAnUpdateOnOneInstance_SignalsTheOthers_ButNotForAnotherBotOrARedelivery()
    {
        // Arrange: instance A listens; B stores and handles updates.
        using var storage = TestStorage.Create(TestStorage.Postgres);
        var listener = new SignalCounter();
        using var subscription = storage.Get<IInboxSignals>().Subscribe(Source, listener.Signal);
        await listener.WaitForAsync(1); // the listener's first signal: "look now, something may be waiting"
        var b = storage.NewInstance();
        var inbox = b.GetRequiredService<IUpdateInbox>();

        // Act + Assert: one signal per stored update and per finished one; none for another bot's update or a redelivery.
        await inbox.AddAsync("telegram:7000002", 1, "42", "{}", None);
        Assert.True(await inbox.AddAsync(Source, 1, "42", "{}", None));
        await listener.WaitForAsync(2);
        Assert.False(await inbox.AddAsync(Source, 1, "42", "{}", None));
        var claimed = await inbox.ClaimAsync(Source, "B", TimeSpan.FromSeconds(30), None);
        Assert.True(await inbox.CompleteAsync(Source, claimed!.Id, "B", None));
        await listener.WaitForAsync(3);
        Assert.False(await inbox.CompleteAsync(Source, claimed.Id, "B", None)); // already done: no signal
        await inbox.AddAsync(Source, 2, "42", "{}", None);
        await listener.WaitForAsync(4);
        Assert.Equal(4, listener.Count); // the other bot's update, the redelivery and the second completion sent nothing
    }

    [PostgresFact]
    public async Task WhenTheListeningConnectionDies_ItListensAgain_AndSignalsOnceForWhatItMayHaveMissed()
    {
        using var storage = TestStorage.Create(TestStorage.Postgres);
        var listener = new SignalCounter();
        using var subscription = storage.Get<IInboxSignals>().Subscribe(Source, listener.Signal);
        await listener.WaitForAsync(1);

        await using (var admin = new NpgsqlConnection(storage.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%';",
                admin);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        await listener.WaitForAsync(2); // reconnected (after 2 s): one catch-up signal
        await storage.Get<IUpdateInbox>().AddAsync(Source, 1, "42", "{}", None);
        await listener.WaitForAsync(3); // and listening again
    }

    private sealed class SignalCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Signal() => Interlocked.Increment(ref _count);

        public async Task WaitForAsync(int count)
        {
            using var timeout = new CancellationTokenSource(Generous);
            while (Count < count)
            {
                await Task.Delay(10, timeout.Token);
            }

            await Task.Delay(200); // a signal too many would arrive here
            Assert.Equal(count, Count);
        }
    }
}
