using System.Text.Json;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.EndToEnd;

/// <summary>
/// The real engine (AddBotCore) and SQLite storage (AddSqliteStorage, temp file) behind AddDiscordAdapter, driven
/// through the fake Discord like a user would: the intake in a guild channel (ephemeral responses, a form for typed
/// answers) or in the DM (buttons, select menus, the scores modal), then /rank.
/// </summary>
public sealed class RealEngineTests
{
    private const string User = "53908232506183680";
    private const string DmChannel = "93908232506183680"; // what the fake's POST /users/@me/channels returns for User

    /// <summary>What Discord sends as <c>message</c> with a press on an ephemeral message (flags 64).</summary>
    private const string EphemeralMessage = """{"id":"1300000000000009999","channel_id":"645027906669510667","flags":64,"content":"…","components":[]}""";

    private static JsonElement Callback(FakeDiscordServer fake, FakeInteractionState state) =>
        fake.RequestsTo($"/interactions/{state.Id}/").Single().Body!.Value;

    private static string AllText(JsonElement data) =>
        (data.TryGetProperty("content", out var c) ? c.GetString() : string.Empty)
        + string.Concat(data.TryGetProperty("embeds", out var e) ? e.EnumerateArray().Select(x => x.GetProperty("description").GetString()) : []);

    private static IEnumerable<JsonElement> Components(JsonElement data) =>
        data.TryGetProperty("components", out var rows) ? rows.EnumerateArray().SelectMany(r => r.GetProperty("components").EnumerateArray()) : [];

    private static string CustomIds(JsonElement data) => string.Join(' ', Components(data).Select(c => c.GetProperty("custom_id").GetString()));

    [Fact]
    public async Task GuildRank_WholeIntakeInEphemeralResponses_TypedAnswerThroughAForm_NoDirectMessage()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync(realEngine: true);

        // Act 1: /rank in a guild without a profile → ephemeral pointer with a button that starts the intake right there.
        var guildRank = await bot.InteractAsync(2, """{"id":"1","name":"rank","type":1}""", inGuild: true);
        var pointer = Callback(bot.Fake, guildRank).GetProperty("data");
        var start = Components(pointer).Single(c => c.GetProperty("label").GetString() == "Start my profile").GetProperty("custom_id").GetString();
        var started = await bot.InteractAsync(3, $$"""{"component_type":2,"custom_id":"{{start}}"}""", inGuild: true, messageJson: EphemeralMessage);
        var firstQuestion = Callback(bot.Fake, started).GetProperty("data");

        // Act 2: several specialties need typing: the question's form button opens a one-field modal.
        var formButton = Components(firstQuestion).Single(c => c.GetProperty("custom_id").GetString() == "f:answer:specialties");
        var opened = await bot.InteractAsync(3, """{"component_type":2,"custom_id":"f:answer:specialties"}""", inGuild: true);
        var modal = Callback(bot.Fake, opened);
        var typed = await bot.InteractAsync(5, """{"custom_id":"answer:specialties","components":[{"type":18,"component":{"type":4,"custom_id":"answer","value":"internal medicine, family medicine"}}]}""", inGuild: true, messageJson: EphemeralMessage);
        var typeQuestion = Callback(bot.Fake, typed).GetProperty("data");

        // Act 3: a select menu, then the scores modal, all in the guild channel.
        var nonUs = Components(typeQuestion).Single(c => c.GetProperty("type").GetInt32() == 3).GetProperty("options").EnumerateArray()
            .First(o => o.GetProperty("label").GetString() == "Non-US IMG, need J-1").GetProperty("value").GetString();
        var picked = await bot.InteractAsync(3, $$"""{"component_type":3,"custom_id":"c:select","values":["{{nonUs}}"]}""", inGuild: true, messageJson: EphemeralMessage);
        var scores = await bot.InteractAsync(5, """{"custom_id":"scores","components":[{"type":18,"component":{"type":4,"custom_id":"step1","value":"Pass"}},{"type":18,"component":{"type":4,"custom_id":"step2ck","value":"238"}},{"type":18,"component":{"type":4,"custom_id":"gradyear","value":"2019"}}]}""", inGuild: true);

        // Act 4: /rank in the guild again (after the group cool-down) ranks both specialties.
        bot.Time.Advance(TimeSpan.FromMinutes(2));
        var guildRank2 = await bot.InteractAsync(2, """{"id":"1","name":"rank","type":1,"options":[{"type":4,"name":"count","value":5}]}""", inGuild: true);

        // Assert: every answer was an ephemeral interaction response; no DM channel was opened, no channel message sent.
        Assert.Contains("/profile", AllText(pointer), StringComparison.Ordinal);
        Assert.Contains("Which specialty", AllText(firstQuestion), StringComparison.Ordinal);
        Assert.Equal("Type your answer", formButton.GetProperty("label").GetString());
        Assert.Equal(9, modal.GetProperty("type").GetInt32());
        Assert.Equal("answer:specialties", modal.GetProperty("data").GetProperty("custom_id").GetString());
        Assert.Contains("Which describes you", AllText(typeQuestion), StringComparison.Ordinal);
        Assert.Contains("f:scores", CustomIds(Callback(bot.Fake, picked).GetProperty("data")), StringComparison.Ordinal);
        Assert.Contains("Saved", AllText(Callback(bot.Fake, scores).GetProperty("data")), StringComparison.Ordinal);
        var list = AllText(Callback(bot.Fake, guildRank2).GetProperty("data"));
        Assert.Contains("Internal Medicine", list, StringComparison.Ordinal);
        Assert.Contains("Family Medicine", list, StringComparison.Ordinal);
        foreach (var state in new[] { guildRank, scores, guildRank2 })
        {
            var callback = Callback(bot.Fake, state);
            Assert.Equal(4, callback.GetProperty("type").GetInt32());
            Assert.Equal(64, callback.GetProperty("data").GetProperty("flags").GetInt32());
        }

        // A press on an ephemeral question, or a form opened from one, replaces it (its old buttons go), so the channel
        // does not fill with questions; the scores form here came without its message and is answered anew.
        Assert.All(new[] { started, typed, picked }, state => Assert.Equal(7, Callback(bot.Fake, state).GetProperty("type").GetInt32()));

        Assert.Empty(bot.Fake.RequestsTo("/users/@me/channels"));
        Assert.Empty(bot.Fake.RequestsTo("/channels/"));
        Assert.Empty(bot.Fake.ValidationErrors);
        Assert.Equal(0, bot.Fake.AlreadyAcknowledgedCount);
        Assert.Equal(0, bot.Fake.UnknownInteractionCount);
    }

    [Fact]
    public async Task DmProfile_ButtonsAndModal_QuestionsOfferNoTypingForm_ThenRankInDm()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync(realEngine: true);

        // Act 1: /profile in the DM; the first question comes as the interaction's response.
        var profile = await bot.InteractAsync(2, """{"id":"1","name":"profile","type":1}""", inGuild: false, channelId: DmChannel);
        var firstQuestion = Callback(bot.Fake, profile).GetProperty("data");
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

        // Act 4: /rank in the DM.
        var dmRank = await bot.InteractAsync(2, """{"id":"1","name":"rank","type":1,"options":[{"type":4,"name":"count","value":5}]}""", inGuild: false, channelId: DmChannel);

        // Assert: in a DM the user can type, so no question carries a "Type your answer" form (the scores form stays).
        Assert.Equal(3, specialtySelect.GetProperty("type").GetInt32());
        Assert.DoesNotContain("f:answer:", CustomIds(firstQuestion), StringComparison.Ordinal);
        Assert.DoesNotContain("f:answer:", CustomIds(typeQuestion), StringComparison.Ordinal);
        Assert.Contains("f:scores", CustomIds(Callback(bot.Fake, typed).GetProperty("data")), StringComparison.Ordinal);
        Assert.Equal(7, Callback(bot.Fake, picked).GetProperty("type").GetInt32());
        Assert.Equal(7, Callback(bot.Fake, typed).GetProperty("type").GetInt32());
        Assert.Contains("Saved", AllText(Callback(bot.Fake, scores).GetProperty("data")), StringComparison.Ordinal);
        var dmList = Callback(bot.Fake, dmRank).GetProperty("data");
        Assert.False(dmList.TryGetProperty("flags", out _));
        Assert.Contains("chance to match", AllText(dmList), StringComparison.Ordinal);
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
