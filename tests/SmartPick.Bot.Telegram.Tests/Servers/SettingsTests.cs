using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.Servers;

/// <summary>Issue 16 point 1: /settings in a group works only for its administrators (getChatMember), anonymous ones included.</summary>
public sealed class SettingsTests : RealBotTests
{
    private const long Group = -1003333;
    private const long Admin = 61_001;
    private const long Member = 61_002;
    private static readonly ServerKey Server = new("telegram", "-1003333");

    [Fact]
    public async Task Settings_FromAMember_IsRefused_FromTheAdmin_IsSavedAndShownBack_AndTheAnswerIsCached()
    {
        // Arrange
        using var host = Bot.Build(Api);
        var store = host.Services.GetRequiredService<IServerSettingsStore>();
        await host.StartAsync();
        Api.MakeAdmin(Group, Admin);

        // Act
        Api.SendText(Member, "/settings announcements on", Group, group: true);
        var refused = await Api.WaitForSentAsync(Group, 1);
        Api.SendText(Admin, "/settings announcements on", Group, group: true);
        Api.SendText(Admin, "/settings timezone Asia/Kolkata quiet 22-7", Group, group: true);
        var sent = await Api.WaitForSentAsync(Group, 3);

        // Assert
        Assert.Contains("administrators can view or change", refused[0].Text, StringComparison.Ordinal);
        Assert.Contains("Saved.", sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("Asia/Kolkata", sent[2].Text, StringComparison.Ordinal);
        Assert.Contains("22:00–07:00", sent[2].Text, StringComparison.Ordinal);
        Assert.Equal(new ServerSettings { Announcements = true, TimeZone = "Asia/Kolkata", QuietFromHour = 22, QuietToHour = 7 }, await store.GetAsync(Server, CancellationToken.None));
        Assert.Equal([(Group, Member), (Group, Admin)], Api.ChatMemberLookups); // the admin's second command used the cached answer
        await host.StopAsync();
    }

    [Fact]
    public async Task Settings_FromAnAnonymousAdministrator_IsAccepted_WithoutAskingTelegram()
    {
        using var host = Bot.Build(Api);
        await host.StartAsync();

        Api.SendTextAsAnonymousAdmin(Group, "/settings quiet 1-2", onBehalfOf: -1007777); // another chat speaking: ignored
        Api.SendTextAsAnonymousAdmin(Group, "/settings quiet 23-6");
        var sent = await Api.WaitForSentAsync(Group, 1);

        Assert.Single(sent);
        Assert.Contains("23:00–06:00", sent[0].Text, StringComparison.Ordinal);
        Assert.Equal(23, (await host.Services.GetRequiredService<IServerSettingsStore>().GetAsync(Server, CancellationToken.None))!.QuietFromHour);
        Assert.Empty(Api.ChatMemberLookups);
        await host.StopAsync();
    }

    [Fact]
    public async Task Settings_WithABadValue_ExplainsAndAsksAgain_AndInADirectChatPointsToTheGroup()
    {
        using var host = Bot.Build(Api);
        await host.StartAsync();
        Api.MakeAdmin(Group, Admin, creator: true);

        Api.SendText(Admin, "/settings quiet 25-7", Group, group: true);
        Api.SendText(Admin, "/settings announcements on");
        var inGroup = await Api.WaitForSentAsync(Group, 1);
        var direct = await Api.WaitForSentAsync(Admin, 1);

        Assert.Contains("/settings quiet 22-7", inGroup[0].Text, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<IServerSettingsStore>().GetAsync(Server, CancellationToken.None));
        Assert.Contains("Telegram group", direct[0].Text, StringComparison.Ordinal);
        await host.StopAsync();
    }
}
