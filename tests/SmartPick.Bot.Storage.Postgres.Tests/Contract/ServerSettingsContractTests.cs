using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Contract;

/// <summary>Issue 16: server settings on each provider — every field kept, listed when announcing, never touched by /forget.</summary>
public sealed class ServerSettingsContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ServerKey Guild = new("discord", "197038439483310086");
    private static readonly ServerKey Group = new("telegram", "-1001234567890");

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Set_KeepsEveryField_AndAnotherInstanceReadsThem(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var written = new ServerSettings
        {
            Announcements = false, AnnouncementChannelId = "41771983423143937", PublicAsk = false, TimeZone = "Asia/Kolkata",
            QuietFromHour = 22, QuietToHour = 7, AnnouncementsOffReason = "the channel was deleted",
        };

        await storage.Get<IServerSettingsStore>().SetAsync(Guild, written, None);

        Assert.Equal(written, await storage.Get<IServerSettingsStore>().GetAsync(Guild, None));
        Assert.Null(await storage.Get<IServerSettingsStore>().GetAsync(Group, None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task ListAnnouncing_HoldsOnlyServersWithAnnouncementsOn_AndDeleteRemovesOne(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var store = storage.Get<IServerSettingsStore>();
        await store.SetAsync(Guild, new ServerSettings { Announcements = true, AnnouncementChannelId = "1" }, None);
        await store.SetAsync(Group, new ServerSettings { Announcements = true }, None);
        await store.SetAsync(Group, new ServerSettings { Announcements = false }, None); // an update, not a second row

        Assert.Equal([Guild], (await store.ListAnnouncingAsync(None)).Select(s => s.Server));
        Assert.True(await store.DeleteAsync(Guild, None));
        Assert.False(await store.DeleteAsync(Guild, None));
        Assert.Empty(await store.ListAnnouncingAsync(None));
        Assert.NotNull(await store.GetAsync(Group, None));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Forget_NeverTouchesServerSettings_EvenOfTheAdminWhoChangedThem(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var instance = storage.NewInstance();
        var admin = new UserKey("telegram", "42");
        await storage.UserStore(instance).SaveAsync(admin, UserState.New, None);
        await storage.Get<IServerSettingsStore>(instance).SetAsync(Group, new ServerSettings { Announcements = true }, None);

        await storage.UserStore(instance).ForgetAsync(admin, None);

        Assert.True((await storage.Get<IServerSettingsStore>(instance).GetAsync(Group, None))!.Announcements);
    }
}
