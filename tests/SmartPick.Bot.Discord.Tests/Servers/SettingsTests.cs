using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Servers;

/// <summary>Issue 16 point 1: /settings is hidden from members without Manage Server, refused to them on use, and works for admins.</summary>
public sealed class SettingsTests
{
    private const string Guild = "222"; // the fake's guild
    private const string Channel = "645027906669510667";

    /// <summary>An ordinary member's bits plus MANAGE_GUILD (0x20).</summary>
    private static readonly string ManageServer = (long.Parse(FakeDiscordServer.MemberPermissions, System.Globalization.CultureInfo.InvariantCulture) | 0x20).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Settings_IsRegisteredForGuildsOnly_HiddenFromMembersWithoutManageServer()
    {
        await using var bot = await BotHarness.StartAsync();

        var settings = bot.Fake.RequestsTo("/applications/333/commands").Single().Body!.Value.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "settings");

        Assert.Equal("32", settings.GetProperty("default_member_permissions").GetString()); // a string of digits, as the docs say
        Assert.Equal("[0]", settings.GetProperty("contexts").GetRawText());
        Assert.Equal(7, settings.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "channel").GetProperty("type").GetInt32());
        Assert.Empty(bot.Fake.ValidationErrors);
    }

    [Fact]
    public async Task Settings_FromAMemberWithoutManageServer_IsRefusedPrivately_AndChangesNothing()
    {
        await using var bot = await BotHarness.StartAsync(realEngine: true);

        var state = await bot.InteractAsync(2, Command("""{"name":"announcements","type":3,"value":"on"}"""), inGuild: true);

        var data = Callback(bot, state);
        Assert.Contains("Manage Server", data.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, data.GetProperty("flags").GetInt32() & 64);
        Assert.Null(await Store(bot).GetAsync(new ServerKey("discord", Guild), CancellationToken.None));
        Assert.Empty(bot.Fake.ValidationErrors);
    }

    [Fact]
    public async Task Settings_FromAnAdmin_IsSavedAndShownBack_OnlyToThem()
    {
        await using var bot = await BotHarness.StartAsync(realEngine: true);

        var state = await bot.InteractAsync(2, Command(
            """{"name":"announcements","type":3,"value":"on"}""", """{"name":"timezone","type":3,"value":"Asia/Kolkata"}""", """{"name":"quiet","type":3,"value":"22-7"}"""),
            inGuild: true, permissions: ManageServer);

        var stored = await Store(bot).GetAsync(new ServerKey("discord", Guild), CancellationToken.None);
        Assert.Equal(new ServerSettings { Announcements = true, AnnouncementChannelId = Channel, TimeZone = "Asia/Kolkata", QuietFromHour = 22, QuietToHour = 7 }, stored);
        var data = Callback(bot, state);
        var text = data.GetProperty("content").GetString()!;
        Assert.Contains("Cycle announcements: **on**", text, StringComparison.Ordinal);
        Assert.Contains("channel ID " + Channel, text, StringComparison.Ordinal);
        Assert.Contains("Asia/Kolkata", text, StringComparison.Ordinal);
        Assert.Contains("22:00–07:00", text, StringComparison.Ordinal);
        Assert.Equal(64, data.GetProperty("flags").GetInt32() & 64);
        Assert.Empty(bot.Fake.ValidationErrors);
    }

    [Fact]
    public async Task Settings_WithAnUnknownTimeZone_ExplainsAndAsksAgain_AndKeepsTheOldSettings()
    {
        await using var bot = await BotHarness.StartAsync(realEngine: true);
        await Store(bot).SetAsync(new ServerKey("discord", Guild), new ServerSettings { QuietFromHour = 23, QuietToHour = 6 }, CancellationToken.None);

        var state = await bot.InteractAsync(2, Command("""{"name":"quiet","type":3,"value":"1-2"}""", """{"name":"timezone","type":3,"value":"Mars/Olympus"}"""), inGuild: true, permissions: ManageServer);

        var text = Callback(bot, state).GetProperty("content").GetString()!;
        Assert.Contains("I don't know the time zone \"Mars/Olympus\"", text, StringComparison.Ordinal);
        Assert.Contains("America/New\\_York", text, StringComparison.Ordinal); // an example to send again (Discord-escaped)
        Assert.Equal(new ServerSettings { QuietFromHour = 23, QuietToHour = 6 }, await Store(bot).GetAsync(new ServerKey("discord", Guild), CancellationToken.None));
    }

    [Fact]
    public async Task Ask_InAServerThatChoseEphemeral_IsOnlyVisibleToTheAsker()
    {
        await using var bot = await BotHarness.StartAsync(realEngine: true);
        var ask = """{"id":"1","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"What is SOAP?"}]}""";
        var before = await bot.InteractAsync(2, ask, inGuild: true);

        await bot.InteractAsync(2, Command("""{"name":"ask","type":3,"value":"ephemeral"}"""), inGuild: true, permissions: ManageServer);
        var after = await bot.InteractAsync(2, ask, inGuild: true);

        Assert.False(IsEphemeral(Callback(bot, before)));
        Assert.True(IsEphemeral(Callback(bot, after)));
    }

    private static bool IsEphemeral(JsonElement data) => data.TryGetProperty("flags", out var f) && (f.GetInt32() & 64) != 0;

    private static string Command(params string[] options) => $$"""{"id":"9","name":"settings","type":1,"options":[{{string.Join(',', options)}}]}""";

    private static IServerSettingsStore Store(BotHarness bot) => bot.Host.Services.GetRequiredService<IServerSettingsStore>();

    private static JsonElement Callback(BotHarness bot, FakeInteractionState state) =>
        bot.Fake.RequestsTo($"/interactions/{state.Id}/").Single().Body!.Value.GetProperty("data");
}
