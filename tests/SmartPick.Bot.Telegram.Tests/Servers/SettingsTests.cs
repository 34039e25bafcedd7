using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.Servers;

/// <summary>Issue 16 point 1: /settings in a group works only for its administrators (getChatMember), anonymous ones included.</summary>
public sealed class SettingsTests : IAsyncLifetime, IDisposable
{
    private const long Group = -1003333;
    private const long Admin = 61_001;
    private const long Member = 61_002;
    private static readonly ServerKey Server = new("telegram", "-1003333");
    private readonly RealBot _bot = new();
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Settings_FromAMember_IsRefused_FromTheAdmin_IsSavedAndShownBack_AndTheAnswerIsCached()
    {
        // Arrange
        using var host = _bot.Build(_api);
        var store = host.Services.GetRequiredService<IServerSettingsStore>();
        await host.StartAsync();
        _api.MakeAdmin(Group, Admin);

        // Act
        _api.SendText(Member, "/settings announcements on", Group, group: true);
        var refused = await _api.WaitForSentAsync(Group, 1);
        _api.SendText(Admin, "/settings announcements on", Group, group: true);
        _api.SendText(Admin, "/settings timezone Asia/Kolkata quiet 22-7", Group, group: true);
        var sent = await _api.WaitForSentAsync(Group, 3);

        // Assert
        Assert.Contains("administrators can view or change", refused[0].Text, StringComparison.Ordinal);
        Assert.Contains("Saved.", sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("Asia/Kolkata", sent[2].Text, StringComparison.Ordinal);
        Assert.Contains("22:00–07:00", sent[2].Text, StringComparison.Ordinal);
        Assert.Equal(new ServerSettings { Announcements = true, TimeZone = "Asia/Kolkata", QuietFromHour = 22, QuietToHour = 7 }, await store.GetAsync(Server, CancellationToken.None));
        Assert.Equal([(Group, Member), (Group, Admin)], _api.ChatMemberLookups); // the admin's second command used the cached answer
        await host.StopAsync();
    }

    [Fact]
    public async Task Settings_FromAnAnonymousAdministrator_IsAccepted_WithoutAskingTelegram()
    {
        using var host = _bot.Build(_api);
        await host.StartAsync();

        _api.SendTextAsAnonymousAdmin(Group, "/settings quiet 1-2", onBehalfOf: -1007777); // another chat speaking: ignored
        _api.SendTextAsAnonymousAdmin(Group, "/settings quiet 23-6");
        var sent = await _api.WaitForSentAsync(Group, 1);

        Assert.Single(sent);
        Assert.Contains("23:00–06:00", sent[0].Text, StringComparison.Ordinal);
        Assert.Equal(23, (await host.Services.GetRequiredService<IServerSettingsStore>().GetAsync(Server, CancellationToken.None))!.QuietFromHour);
        Assert.Empty(_api.ChatMemberLookups);
        await host.StopAsync();
    }

    [Fact]
    public async Task Settings_WithABadValue_ExplainsAndAsksAgain_AndInADirectChatPointsToTheGroup()
    {
        using var host = _bot.Build(_api);
        await host.StartAsync();
        _api.MakeAdmin(Group, Admin, creator: true);

        _api.SendText(Admin, "/settings quiet 25-7", Group, group: true);
        _api.SendText(Admin, "/settings announcements on");
        var inGroup = await _api.WaitForSentAsync(Group, 1);
        var direct = await _api.WaitForSentAsync(Admin, 1);

        Assert.Contains("/settings quiet 22-7", inGroup[0].Text, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<IServerSettingsStore>().GetAsync(Server, CancellationToken.None));
        Assert.Contains("Telegram group", direct[0].Text, StringComparison.Ordinal);
        await host.StopAsync();
    }
}
