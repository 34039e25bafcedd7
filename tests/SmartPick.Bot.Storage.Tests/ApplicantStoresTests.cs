using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;

namespace SmartPick.Bot.Storage.Tests;

/// <summary>The list, reminder, ledger and inactivity stores on a real SQLite file; each "process" opens its own database object.</summary>
public sealed class ApplicantStoresTests : IDisposable
{
    private static readonly UserKey Ana = new("telegram", "42");
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-storage-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 2, 28, 17, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task ManyProcessesClaimingOneNotice_ExactlyOneWins()
    {
        var ledgers = Enumerable.Range(0, 8).Select(_ => new SqliteNotificationLedger(Database(), _clock)).ToList();
        await ledgers[0].TryClaimAsync(Ana, "warm-up", _clock.GetUtcNow(), TimeSpan.FromMinutes(10), None); // schema in place first

        var wins = await Task.WhenAll(ledgers.Select(l => Task.Run(() => l.TryClaimAsync(Ana, "remind:2027-03-03:x:early", _clock.GetUtcNow(), TimeSpan.FromMinutes(10), None))));

        Assert.Equal(1, wins.Count(w => w));
    }

    [Fact]
    public async Task AClaimLeftByACrash_IsTakenOverAfterItsLease_ASentNoticeNever()
    {
        var ledger = new SqliteNotificationLedger(Database(), _clock);
        var lease = TimeSpan.FromMinutes(10);
        Assert.True(await ledger.TryClaimAsync(Ana, "n", _clock.GetUtcNow(), lease, None));

        var other = new SqliteNotificationLedger(Database(), _clock); // the next process
        Assert.False(await other.TryClaimAsync(Ana, "n", _clock.GetUtcNow().AddMinutes(9), lease, None));
        Assert.True(await other.TryClaimAsync(Ana, "n", _clock.GetUtcNow().AddMinutes(10), lease, None));
        await other.CompleteAsync(Ana, "n", NoticeOutcome.Sent, None);

        Assert.False(await other.TryClaimAsync(Ana, "n", _clock.GetUtcNow().AddDays(30), lease, None));
    }

    [Fact]
    public async Task AReleasedNotice_IsClaimableAtOnce_UntilItsAttemptsRunOut()
    {
        var ledger = new SqliteNotificationLedger(Database(), _clock);
        var now = _clock.GetUtcNow();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.True(await ledger.TryClaimAsync(Ana, "n", now, TimeSpan.FromMinutes(10), None));
            await ledger.ReleaseAsync(Ana, "n", maxAttempts: 3, None);
        }

        Assert.False(await ledger.TryClaimAsync(Ana, "n", now.AddDays(1), TimeSpan.FromMinutes(10), None)); // failed for good
    }

    [Fact]
    public async Task ListEntries_AreKeyedByProgramAndTrack()
    {
        var list = new SqliteApplicantListStore(Database());
        var at = _clock.GetUtcNow();

        Assert.True(await list.AddAsync(Ana, new ListEntry("1400500923", "Internal Medicine", at), None));
        Assert.False(await list.AddAsync(Ana, new ListEntry("1400500923", "Internal Medicine", at.AddHours(1)), None));
        Assert.True(await list.AddAsync(Ana, new ListEntry("1400500923", "Preliminary Medicine", at.AddHours(2)), None));
        Assert.True(await list.AddAsync(new UserKey("discord", "42"), new ListEntry("1400500923", "Internal Medicine", at), None));

        var entries = await list.GetAsync(Ana, None);
        Assert.Equal(["Internal Medicine", "Preliminary Medicine"], entries.Select(e => e.Track));
        Assert.Equal(at, entries[0].AddedAt);
        Assert.True(await list.RemoveAsync(Ana, "1400500923", "Preliminary Medicine", None));
        Assert.Equal(1, await list.ClearAsync(Ana, None));
        Assert.Single(await list.GetAsync(new UserKey("discord", "42"), None));
    }

    [Fact]
    public async Task Forget_DeletesListRemindersAndLedger_OfThatUserOnly()
    {
        var db = Database();
        var bob = new UserKey("telegram", "7");
        foreach (var user in new[] { Ana, bob })
        {
            await new SqliteApplicantListStore(db).AddAsync(user, new ListEntry("1400511040", "Internal Medicine", _clock.GetUtcNow()), None);
            await new SqliteReminderStore(db, _clock).SetAsync(user, new ReminderSubscription(true, "America/Los_Angeles", _clock.GetUtcNow()), None);
            await new SqliteNotificationLedger(db, _clock).TryClaimAsync(user, "n", _clock.GetUtcNow(), TimeSpan.FromMinutes(1), None);
        }

        Assert.True(await new SqliteUserStore(db, _clock).ForgetAsync(Ana, None));

        Assert.Empty(await new SqliteApplicantListStore(db).GetAsync(Ana, None));
        Assert.Null(await new SqliteReminderStore(db, _clock).GetAsync(Ana, None));
        Assert.True(await new SqliteNotificationLedger(db, _clock).TryClaimAsync(Ana, "n", _clock.GetUtcNow(), TimeSpan.FromMinutes(1), None)); // its row is gone
        Assert.Single(await new SqliteApplicantListStore(db).GetAsync(bob, None));
        Assert.Equal(bob, Assert.Single(await new SqliteReminderStore(db, _clock).ListEnabledAsync(None)).User);
    }

    [Fact]
    public async Task Inactivity_UsesTheNewestRow_AndNeverDeletesAUserWhoCameBack()
    {
        var db = Database();
        var store = new SqliteInactivityStore(db);
        var list = new SqliteApplicantListStore(db);
        var start = _clock.GetUtcNow();
        await list.AddAsync(Ana, new ListEntry("1400511040", "Internal Medicine", start), None);
        await list.AddAsync(Ana, new ListEntry("1400511070", "Internal Medicine", start.AddDays(10)), None);

        var found = Assert.Single(await store.FindInactiveAsync(start.AddDays(11), 10, None));
        Assert.Equal(start.AddDays(10), found.LastActive);
        Assert.Empty(await store.FindInactiveAsync(start.AddDays(10), 10, None));

        await list.AddAsync(Ana, new ListEntry("1400500923", "Internal Medicine", start.AddDays(20)), None); // came back after being found
        Assert.False(await store.ForgetIfInactiveAsync(Ana, start.AddDays(11), None));
        Assert.True(await store.ForgetIfInactiveAsync(Ana, start.AddDays(21), None));
        Assert.Empty(await list.GetAsync(Ana, None));
    }

    private SqliteDatabase Database() =>
        new(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_dir, "s.db")}" }), NullLogger<SqliteDatabase>.Instance);
}
