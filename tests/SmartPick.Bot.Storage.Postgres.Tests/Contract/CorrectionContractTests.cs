using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Corrections;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Privacy;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Contract;

/// <summary>/report corrections on each provider: stored for the maintainers, listed since a date, gone with /forget.</summary>
public sealed class CorrectionContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly UserKey Alice = new("telegram", "1");
    private static readonly UserKey Bob = new("discord", "1");
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Add_AssignsDistinctIds_AndListReturnsEveryFieldOldestFirst(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.Get<ICorrectionStore>();

        var later = await store.AddAsync(Report(Bob, "1400531031", "1400531031", "Interview season ended, not open", Start.AddDays(2)), None);
        var earlier = await store.AddAsync(Report(Alice, null, "Some Community Hospital", "They sponsor H-1B now", Start), None);

        Assert.NotEqual(later.Id, earlier.Id);
        Assert.Equal([earlier, later], await storage.Get<ICorrectionStore>().ListAsync(since: null, None)); // another instance sees them
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task List_Since_KeepsReportsFromThatMomentOn(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.Get<ICorrectionStore>();
        await store.AddAsync(Report(Alice, null, "A", "before", Start.AddSeconds(-1)), None);
        await store.AddAsync(Report(Alice, null, "B", "at", Start), None);
        await store.AddAsync(Report(Bob, null, "C", "after", Start.AddDays(1)), None);

        var since = await store.ListAsync(Start, None);

        Assert.Equal(["at", "after"], since.Select(r => r.Text));
        Assert.Empty(await store.ListAsync(Start.AddDays(2), None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Count_IsPerUser_SoTheReportCapCountsOnlyTheirOwn(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.Get<ICorrectionStore>();
        for (var i = 0; i < 3; i++)
        {
            await store.AddAsync(Report(Alice, null, "P", $"report {i}", Start.AddMinutes(i)), None);
        }

        await store.AddAsync(Report(Bob, null, "P", "other user", Start), None);

        Assert.Equal(3, await store.CountAsync(UserHash.Of(Alice), None));
        Assert.Equal(1, await store.CountAsync(UserHash.Of(Bob), None));
        Assert.Equal(0, await store.CountAsync(UserHash.Of(new UserKey("telegram", "9")), None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Forget_DeletesTheUsersReports_AndNoOneElses(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var instance = storage.NewInstance();
        var store = storage.Get<ICorrectionStore>(instance);
        await store.AddAsync(Report(Alice, null, "P", "mine", Start), None);
        await store.AddAsync(Report(Bob, null, "P", "theirs", Start), None);

        Assert.True(await storage.UserStore(instance).ForgetAsync(Alice, None)); // reports alone are something to forget

        Assert.Equal(0, await store.CountAsync(UserHash.Of(Alice), None));
        Assert.Equal(["theirs"], (await store.ListAsync(since: null, None)).Select(r => r.Text));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task InactivityCleanup_DeletesAQuietUsersReports(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var clock = new FakeTimeProvider(Start);
        var instance = storage.NewInstance(b => b.Services.AddSingleton<TimeProvider>(clock));
        await storage.UserStore(instance).SaveAsync(Alice, UserState.New, None);
        var store = storage.Get<ICorrectionStore>(instance);
        await store.AddAsync(Report(Alice, null, "P", "mine", Start), None);
        await store.AddAsync(Report(Bob, null, "P", "theirs", Start), None);
        clock.Advance(TimeSpan.FromDays(400));

        Assert.True(await storage.Get<IInactivityStore>(instance).ForgetIfInactiveAsync(Alice, clock.GetUtcNow().AddDays(-30), None));

        Assert.Equal(["theirs"], (await store.ListAsync(since: null, None)).Select(r => r.Text));
    }

    private static CorrectionReport Report(UserKey user, string? programId, string program, string text, DateTimeOffset at) =>
        new(0, programId, program, text, UserHash.Of(user), at);
}
