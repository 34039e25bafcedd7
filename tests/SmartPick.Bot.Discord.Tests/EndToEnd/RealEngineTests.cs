using System.Text.Json;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.EndToEnd;

/// <summary>
/// The real engine (AddBotCore) and SQLite storage (AddSqliteStorage, temp file) behind AddDiscordAdapter, driven
/// through the fake Discord like a user would: guild /rank → intake moves to DM → buttons → scores modal → /rank.
/// </summary>
public sealed class RealEngineTests
{
    private const string User = "53908232506183680";
    private const string DmChannel = "93908232506183680"; // what the fake's POST /users/@me/channels returns for User

    private static JsonElement Callback(FakeDiscordServer fake, FakeInteractionState state) =>
        fake.RequestsTo($"/interactions/{state.Id}/").Single().Body!.Value;

    private static string AllText(JsonElement data) =>
        (data.TryGetProperty("content", out var c) ? c.GetString() : string.Empty)
        + string.Concat(data.TryGetProperty("embeds", out var e) ? e.EnumerateArray().Select(x => x.GetProperty("description").GetString()) : []);

    [Fact]
    public async Task GuildRank_IntakeInDm_ButtonsAndModal_ThenRankInDmAndGuild()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync(realEngine: true);

        // Act 1: /rank in a guild without a profile → ephemeral pointer, intake opens in a DM.
        var guildRank = await bot.InteractAsync(2, """{"id":"1","name":"rank","type":1}""", inGuild: true);
        await BotHarness.WaitUntilAsync(() => bot.Fake.RequestsTo($"/channels/{DmChannel}/messages").Any());
        var firstQuestion = bot.Fake.RequestsTo($"/channels/{DmChannel}/messages").Last().Body!.Value;
        var specialtySelect = firstQuestion.GetProperty("components")[0].GetProperty("components")[0];

        // Act 2: pick a specialty in the select menu, then a button.
        var picked = await bot.InteractAsync(3, $$"""{"component_type":3,"custom_id":"c:select","values":["{{specialtySelect.GetProperty("options")[0].GetProperty("value").GetString()}}"]}""", inGuild: false, channelId: DmChannel);
        var typeQuestion = Callback(bot.Fake, picked).GetProperty("data");
        // Seven choices (five answers, Skip, Back) come as a select menu.
        var typeMenu = typeQuestion.GetProperty("components")[0].GetProperty("components")[0];
        var nonUs = typeMenu.GetProperty("options").EnumerateArray()
            .First(o => o.GetProperty("label").GetString() == "Non-US IMG, need J-1").GetProperty("value").GetString();
        var typed = await bot.InteractAsync(3, $$"""{"component_type":3,"custom_id":"c:select","values":["{{nonUs}}"]}""", inGuild: false, channelId: DmChannel);

        // Act 3: the scores modal, submitted in the Label layout.
        var scores = await bot.InteractAsync(5, """{"custom_id":"scores","components":[{"type":18,"component":{"type":4,"custom_id":"step1","value":"Pass"}},{"type":18,"component":{"type":4,"custom_id":"step2ck","value":"238"}},{"type":18,"component":{"type":4,"custom_id":"gradyear","value":"2019"}}]}""", inGuild: false, channelId: DmChannel);

        // Act 4: /rank in the DM, then in the guild (after the group cool-down).
        var dmRank = await bot.InteractAsync(2, """{"id":"1","name":"rank","type":1,"options":[{"type":4,"name":"count","value":5}]}""", inGuild: false, channelId: DmChannel);
        bot.Time.Advance(TimeSpan.FromMinutes(2));
        var guildRank2 = await bot.InteractAsync(2, """{"id":"1","name":"rank","type":1,"options":[{"type":4,"name":"count","value":5}]}""", inGuild: true);

        // Assert
        var pointer = Callback(bot.Fake, guildRank).GetProperty("data");
        Assert.Equal(64, pointer.GetProperty("flags").GetInt32());
        Assert.Equal(3, specialtySelect.GetProperty("type").GetInt32());
        Assert.Equal(7, Callback(bot.Fake, picked).GetProperty("type").GetInt32());
        Assert.Equal(7, Callback(bot.Fake, typed).GetProperty("type").GetInt32());
        Assert.Contains("Saved", AllText(Callback(bot.Fake, scores).GetProperty("data")), StringComparison.Ordinal);
        var dmList = Callback(bot.Fake, dmRank).GetProperty("data");
        Assert.False(dmList.TryGetProperty("flags", out _));
        Assert.False(string.IsNullOrWhiteSpace(AllText(dmList)));
        var guildList = Callback(bot.Fake, guildRank2).GetProperty("data");
        Assert.Equal(64, guildList.GetProperty("flags").GetInt32());
        Assert.Empty(bot.Fake.ValidationErrors);
        Assert.Equal(0, bot.Fake.AlreadyAcknowledgedCount);
        Assert.Equal(0, bot.Fake.UnknownInteractionCount);
    }

    [Fact]
    public async Task PlainDirectMessage_GetsAnAnswer_AndAskIsAvailableAsCommand()
    {
        await using var bot = await BotHarness.StartAsync(realEngine: true);

        await bot.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", $$"""{"id":"m1","channel_id":"{{DmChannel}}","author":{"id":"{{User}}","username":"resident42"},"content":"hi","mentions":[]}""");
        await BotHarness.WaitUntilAsync(() => bot.Fake.RequestsTo($"/channels/{DmChannel}/messages").Any());
        var help = await bot.InteractAsync(2, """{"id":"1","name":"help","type":1}""", inGuild: true, userId: "60000000000000001");

        Assert.Equal(4, Callback(bot.Fake, help).GetProperty("type").GetInt32());
        Assert.Empty(bot.Fake.ValidationErrors);
    }
}
