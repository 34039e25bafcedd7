using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Privacy;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Contract;

/// <summary>The applicant's list, reminder opt-ins, the notification ledger and the inactivity clean-up, on each provider.</summary>
public sealed class UserDataContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly UserKey Alice = new("telegram", "1");
    private static readonly UserKey Bob = new("telegram", "2");
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task List_KeepsOneEntryPerProgramAndTrack_OldestFirst(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var list = storage.Get<IApplicantListStore>();

        Assert.True(await list.AddAsync(Alice, new ListEntry("1400531031", "Internal Medicine", Start.AddHours(1)), None));
        Assert.True(await list.AddAsync(Alice, new ListEntry("1400531031", "Preliminary Medicine", Start), None));
        Assert.False(await list.AddAsync(Alice, new ListEntry("1400531031", "Internal Medicine", Start.AddHours(2)), None));
        Assert.True(await list.AddAsync(Bob, new ListEntry("1200511094", "Family Medicine", Start), None));

        var entries = await list.GetAsync(Alice, None);
        Assert.Equal([("Preliminary Medicine", Start), ("Internal Medicine", Start.AddHours(1))], entries.Select(e => (e.Track, e.AddedAt)));
        Assert.True(await list.RemoveAsync(Alice, "1400531031", "Preliminary Medicine", None));
        Assert.False(await list.RemoveAsync(Alice, "1400531031", "Preliminary Medicine", None));
        Assert.Equal(1, await list.ClearAsync(Alice, None));
        Assert.Single(await list.GetAsync(Bob, None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Reminders_RoundTrip_AndOnlyEnabledAreListed(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var reminders = storage.Get<IReminderStore>();

        await reminders.SetAsync(Alice, new ReminderSubscription(true, "America/Los_Angeles", Start), None);
        await reminders.SetAsync(Bob, new ReminderSubscription(true, "Asia/Manila", Start), None);
        await reminders.SetAsync(Bob, new ReminderSubscription(false, "Asia/Manila", Start.AddDays(1)), None);

        Assert.Equal(new ReminderSubscription(true, "America/Los_Angeles", Start), await reminders.GetAsync(Alice, None));
        Assert.Equal(new ReminderSubscription(false, "Asia/Manila", Start.AddDays(1)), await reminders.GetAsync(Bob, None));
        Assert.Equal([Alice], (await reminders.ListEnabledAsync(None)).Select(s => s.User));
        Assert.Null(await reminders.GetAsync(new UserKey("discord", "9"), None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Ledger_ANoticeIsClaimedOnce_UntilItsLeaseExpires_AndNeverAfterItWasSent(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var ledger = storage.Get<INotificationLedger>();
        var lease = TimeSpan.FromMinutes(5);

        Assert.True(await ledger.TryClaimAsync(Alice, "deadline:2026-09-24", Start, lease, None));
        Assert.False(await ledger.TryClaimAsync(Alice, "deadline:2026-09-24", Start.AddMinutes(4), lease, None));
        Assert.True(await ledger.TryClaimAsync(Alice, "deadline:2026-09-24", Start.AddMinutes(5), lease, None)); // the first claimant crashed
        await ledger.CompleteAsync(Alice, "deadline:2026-09-24", NoticeOutcome.Sent, None);

        Assert.False(await ledger.TryClaimAsync(Alice, "deadline:2026-09-24", Start.AddDays(1), lease, None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Ledger_AReleasedNoticeIsRetried_UntilTheAttemptsRunOut(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var ledger = storage.Get<INotificationLedger>();
        var lease = TimeSpan.FromMinutes(5);

        Assert.True(await ledger.TryClaimAsync(Alice, "n", Start, lease, None));
        await ledger.ReleaseAsync(Alice, "n", maxAttempts: 2, None);
        Assert.True(await ledger.TryClaimAsync(Alice, "n", Start.AddMinutes(1), lease, None));
        await ledger.ReleaseAsync(Alice, "n", maxAttempts: 2, None);

        Assert.False(await ledger.TryClaimAsync(Alice, "n", Start.AddDays(1), lease, None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Ledger_InstancesClaimingTheSameNoticeAtOnce_OnlyOneWins(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var ledgers = Enumerable.Range(0, 4).Select(_ => storage.Get<INotificationLedger>()).ToList();

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => ledgers[i % 4].TryClaimAsync(Alice, "deadline:2026-09-24", Start, TimeSpan.FromMinutes(5), None))));

        Assert.Single(claims, c => c);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Forget_DeletesTheListRemindersAndNotices_Too(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var instance = storage.NewInstance();
        await storage.UserStore(instance).SaveAsync(Alice, UserState.New, None);
        await storage.Get<IApplicantListStore>(instance).AddAsync(Alice, new ListEntry("1400531031", "Internal Medicine", Start), None);
        await storage.Get<IReminderStore>(instance).SetAsync(Alice, new ReminderSubscription(true, "UTC", Start), None);
        await storage.Get<INotificationLedger>(instance).TryClaimAsync(Alice, "n", Start, TimeSpan.FromMinutes(5), None);

        Assert.True(await storage.UserStore(instance).ForgetAsync(Alice, None));

        Assert.Empty(await storage.Get<IApplicantListStore>(instance).GetAsync(Alice, None));
        Assert.Null(await storage.Get<IReminderStore>(instance).GetAsync(Alice, None));
        Assert.True(await storage.Get<INotificationLedger>(instance).TryClaimAsync(Alice, "n", Start, TimeSpan.FromMinutes(5), None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Inactivity_FindsOnlyQuietUsers_AndSparesOneWhoCameBack(string provider)
    {
        // Arrange: Alice wrote on day 0, Bob on day 0 and again on day 400.
        using var storage = TestStorage.Create(provider);
        var clock = new FakeTimeProvider(Start);
        var instance = storage.NewInstance(b => b.Services.AddSingleton<TimeProvider>(clock));
        var users = storage.UserStore(instance);
        await users.SaveAsync(Alice, UserState.New, None);
        await users.SaveAsync(Bob, UserState.New, None);
        var inactivity = storage.Get<IInactivityStore>(instance);
        clock.Advance(TimeSpan.FromDays(400));
        var cutoff = clock.GetUtcNow().AddDays(-30);
        var found = await inactivity.FindInactiveAsync(cutoff, 10, None);
        await users.SaveAsync(Bob, UserState.New, None); // Bob comes back after the scan found him

        // Act
        var aliceDeleted = await inactivity.ForgetIfInactiveAsync(Alice, cutoff, None);
        var bobDeleted = await inactivity.ForgetIfInactiveAsync(Bob, cutoff, None);

        // Assert
        Assert.Equal([Alice, Bob], found.Select(u => u.User).Order(Comparer<UserKey>.Create((a, b) => string.CompareOrdinal(a.UserId, b.UserId))));
        Assert.True(aliceDeleted);
        Assert.False(bobDeleted);
        Assert.Null(await users.LoadAsync(Alice, None));
        Assert.NotNull(await users.LoadAsync(Bob, None));
    }
}
