using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Storage.Postgres.Tests.Contract;

/// <summary>What every <see cref="IUserStore"/> must do, run against each provider on a fresh database.</summary>
public sealed class UserStoreContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly UserKey Alice = new("discord", "a");
    private static readonly UserKey Bob = new("discord", "b");

    private static UserState Sample => new(
        new ApplicantProfile { Specialties = ["Family Medicine"], Visa = VisaNeed.H1B, Languages = ["Spanish"], GraduationYear = 2019 },
        new ConversationState("letters", ["specialties", "visa"], "paused", "{\"specialties\":[\"Family Medicine\"]}")
        {
            RecentMessageIds = ["u:17", "u:18"],
            LastReplies = "[{\"text\":\"Saved.\"}]",
            Offers = [new OfferedChoices(3, "Visa?", [new OfferedChoice("J-1", "/profile set visa J1", "/profile set visa J1"), new OfferedChoice("Skip", "skip", "~3.1")])],
        });

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task SaveLoad_RoundTripsEveryField(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.UserStore();

        await store.SaveAsync(Alice, Sample, None);
        var loaded = await store.LoadAsync(Alice, None);

        Assert.NotNull(loaded);
        Assert.Equal(ProfileJson.Serialize(Sample.Profile), ProfileJson.Serialize(loaded.Profile));
        Assert.Equal(Sample.Conversation.IntakeStep, loaded.Conversation.IntakeStep);
        Assert.Equal(Sample.Conversation.History, loaded.Conversation.History);
        Assert.Equal(Sample.Conversation.Pending, loaded.Conversation.Pending);
        Assert.Equal(Sample.Conversation.Proposal, loaded.Conversation.Proposal);
        Assert.Equal(Sample.Conversation.RecentMessageIds, loaded.Conversation.RecentMessageIds);
        Assert.Equal(Sample.Conversation.LastReplies, loaded.Conversation.LastReplies);
        var offer = Assert.Single(loaded.Conversation.Offers);
        Assert.Equal((3, "Visa?"), (offer.Id, offer.Prompt));
        Assert.Equal(Sample.Conversation.Offers[0].Choices, offer.Choices);
        Assert.True(loaded.Version > 0);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Forget_RemovesOnlyThatUser_AndReportsWhetherAnythingWasStored(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.UserStore();
        await store.SaveAsync(Alice, Sample, None);
        await store.SaveAsync(Bob, Sample, None);

        Assert.True(await store.ForgetAsync(Alice, None));

        Assert.Null(await store.LoadAsync(Alice, None));
        Assert.NotNull(await store.LoadAsync(Bob, None));
        Assert.False(await store.ForgetAsync(Alice, None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task TrySave_WithTheVersionItLoaded_Succeeds_AndAStaleVersionIsRefusedWithoutWriting(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var first = storage.UserStore();
        var second = storage.UserStore(); // another instance on the same database
        await first.SaveAsync(Alice, Sample, None);
        var seenByFirst = (await first.LoadAsync(Alice, None))!;
        var seenBySecond = (await second.LoadAsync(Alice, None))!;

        var firstSaved = await first.TrySaveAsync(Alice, WithYear(seenByFirst, 2020), seenByFirst.Version, None);
        var secondSaved = await second.TrySaveAsync(Alice, WithYear(seenBySecond, 2001), seenBySecond.Version, None);

        Assert.True(firstSaved);
        Assert.False(secondSaved);
        var stored = (await second.LoadAsync(Alice, None))!;
        Assert.Equal(2020, stored.Profile.GraduationYear);
        Assert.True(stored.Version > seenBySecond.Version);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task TrySave_ForANewUser_OnlyOneOfTwoFirstWritersWins(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var first = storage.UserStore();
        var second = storage.UserStore();

        var firstSaved = await first.TrySaveAsync(Alice, WithYear(UserState.New, 2020), 0, None);
        var secondSaved = await second.TrySaveAsync(Alice, WithYear(UserState.New, 2001), 0, None);

        Assert.True(firstSaved);
        Assert.False(secondSaved);
        Assert.Equal(2020, (await first.LoadAsync(Alice, None))!.Profile.GraduationYear);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task TrySave_AfterAnotherInstanceForgotTheUser_IsRefused_SoForgottenDataNeverComesBack(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var first = storage.UserStore();
        var second = storage.UserStore();
        await first.SaveAsync(Alice, Sample, None);
        var loaded = (await first.LoadAsync(Alice, None))!;

        await second.ForgetAsync(Alice, None);
        var saved = await first.TrySaveAsync(Alice, loaded, loaded.Version, None);

        Assert.False(saved);
        Assert.Null(await second.LoadAsync(Alice, None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task PlainSave_AlsoMovesTheVersion_SoATurnStartedBeforeItIsRefused(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.UserStore();
        await store.SaveAsync(Alice, Sample, None);
        var before = (await store.LoadAsync(Alice, None))!;

        await store.SaveAsync(Alice, WithYear(before, 2021), None);

        Assert.False(await store.TrySaveAsync(Alice, WithYear(before, 2001), before.Version, None));
        Assert.Equal(2021, (await store.LoadAsync(Alice, None))!.Profile.GraduationYear);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task InstancesStartingTogetherOnAnEmptyDatabase_MigrateOnce_AndAllWork(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var stores = Enumerable.Range(0, 5).Select(_ => storage.UserStore()).ToList();

        await Task.WhenAll(stores.Select((store, i) => Task.Run(() => store.SaveAsync(new UserKey("telegram", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Sample, None))));

        foreach (var i in Enumerable.Range(0, 5))
        {
            Assert.NotNull(await stores[0].LoadAsync(new UserKey("telegram", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), None));
        }
    }

    private static UserState WithYear(UserState state, int year) => state with { Profile = state.Profile with { GraduationYear = year } };
}
