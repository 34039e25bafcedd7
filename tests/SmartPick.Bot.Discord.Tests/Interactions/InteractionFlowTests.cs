using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using SmartPick.Bot.Core.Commands;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Interactions;

/// <summary>Interactions end to end through the fake Discord (gateway + REST) with a scripted engine.</summary>
public sealed class InteractionFlowTests
{
    private const string RankCommand = """{"id":"771825006014889984","name":"rank","type":1,"options":[{"type":3,"name":"specialty","value":"Internal Medicine"},{"type":4,"name":"count","value":10}]}""";

    private const string EphemeralQuestion = """{"id":"1300000000000009999","channel_id":"645027906669510667","flags":64,"content":"Which exam?","components":[{"type":1,"components":[{"type":2,"style":2,"label":"Skip","custom_id":"c:intake:q1:skip"}]}]}""";

    private static JsonElement CallbackBody(FakeDiscordServer fake, FakeInteractionState state) =>
        fake.RequestsTo($"/interactions/{state.Id}/").Single().Body!.Value;

    private static void AssertClean(FakeDiscordServer fake)
    {
        Assert.Empty(fake.ValidationErrors);
        Assert.Equal(0, fake.AlreadyAcknowledgedCount);
        Assert.Equal(0, fake.UnknownInteractionCount);
    }

    [Fact]
    public async Task Ready_RegistersAllCommandsWithDmContextsAndValidBody()
    {
        await using var bot = await BotHarness.StartAsync();

        var put = Assert.Single(bot.Fake.RequestsTo("/applications/333/commands"));

        Assert.Equal("PUT", put.Method);
        var names = put.Body!.Value.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        // Every command the engine understands is reachable from Discord's menu ("start" is Telegram's deep-link entry).
        Assert.Equal(CommandText.Names.Where(n => n != "start").Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        // Every command but the admins' /settings (guilds only) works in guilds, DMs and private channels.
        Assert.All(put.Body.Value.EnumerateArray().Where(c => c.GetProperty("name").GetString() != "settings"), c => Assert.Equal("[0,1,2]", c.GetProperty("contexts").GetRawText()));
        Assert.Equal("Bot test-token", put.Authorization);
        Assert.StartsWith("DiscordBot (", put.UserAgent, StringComparison.Ordinal);
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task RankInGuild_PrivateReply_IsEphemeral_AndOptionsReachTheEngine()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();
        bot.Engine.Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([Reply.Private("**Your list**\n- Program A")]);

        // Act
        var state = await bot.InteractAsync(2, RankCommand, inGuild: true);

        // Assert
        var body = CallbackBody(bot.Fake, state);
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        Assert.Equal(64, body.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("[]", body.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetRawText());
        var inbound = Assert.Single(bot.Engine.Received);
        Assert.Equal(ChatKind.Group, inbound.ChatKind);
        Assert.Equal("53908232506183680", inbound.UserId);
        var command = Assert.IsType<CommandContent>(inbound.Content);
        Assert.Equal("rank", command.Name);
        Assert.Equal("Internal Medicine", command.Option("specialty"));
        Assert.Equal("10", command.Option("count"));
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task RankInDm_IsNotEphemeral_AndIsADirectChat()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Engine.Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([Reply.Private("Your list")]);

        var state = await bot.InteractAsync(2, RankCommand, inGuild: false);

        var body = CallbackBody(bot.Fake, state);
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        Assert.False(body.GetProperty("data").TryGetProperty("flags", out _));
        Assert.Equal(ChatKind.Direct, Assert.Single(bot.Engine.Received).ChatKind);
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task SlowHandler_DefersEphemerallyBeforeTheDeadline_ThenEditsTheOriginal()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();
        var release = new TaskCompletionSource<IReadOnlyList<Reply>>();
        bot.Engine.Answer = _ => release.Task;

        // Act
        var state = await bot.InteractAsync(2, RankCommand, inGuild: true, waitForAck: false);
        await bot.Time.WaitForTimerAsync(TimeSpan.FromSeconds(1.5));
        bot.Time.Advance(TimeSpan.FromSeconds(1.5));
        await BotHarness.WaitUntilAsync(() => state.AckType is not null);
        bot.Time.Advance(TimeSpan.FromSeconds(5)); // the engine takes long; the token lives 15 min
        release.SetResult([Reply.Private("Your list"), new Reply("Second part")]);
        await BotHarness.WaitUntilAsync(() => state.Followups == 1);

        // Assert
        Assert.Equal(5, state.AckType);
        Assert.Equal(TimeSpan.FromSeconds(1.5), state.AckedAt - state.ReceivedAt);
        Assert.Equal(64, CallbackBody(bot.Fake, state).GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(1, state.Edits);
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task Burst_NewInteractionIsDeferredOnArrival_TheOthersStillWaitForTheirAnswer()
    {
        // Arrange: two interactions in hand, the threshold 2: a third is a burst.
        await using var bot = await BotHarness.StartAsync(configure: s => s.Configure<DiscordOptions>(o => o.DeferAtOnceAbove = 2));
        var release = new TaskCompletionSource<IReadOnlyList<Reply>>();
        bot.Engine.Answer = _ => release.Task;
        var first = await bot.InteractAsync(2, RankCommand, inGuild: true, waitForAck: false);
        var second = await bot.InteractAsync(2, RankCommand, inGuild: true, waitForAck: false);
        await BotHarness.WaitUntilAsync(() => bot.Engine.Received.Count == 2);

        // Act: no time passes, so only a deferral on arrival can acknowledge the third.
        var third = await bot.InteractAsync(2, RankCommand, inGuild: true, waitForAck: false);
        await BotHarness.WaitUntilAsync(() => third.AckType is not null);
        var before = (first.AckType, second.AckType);
        release.SetResult([Reply.Private("Your list")]);
        await BotHarness.WaitUntilAsync(() => third.Edits == 1 && first.AckType is not null && second.AckType is not null);

        // Assert
        Assert.Equal(5, third.AckType);
        Assert.Equal(TimeSpan.Zero, third.AckedAt - third.ReceivedAt);
        Assert.Null(before.Item1); // below the threshold, still waiting to answer directly
        Assert.Null(before.Item2);
        Assert.Equal(4, first.AckType); // answered directly once the engine finished, with no deferral
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task Autocomplete_AnswersDirectlyWithAtMost25MatchingChoices()
    {
        await using var bot = await BotHarness.StartAsync();

        var state = await bot.InteractAsync(4, """{"id":"1","name":"rank","type":1,"options":[{"type":3,"name":"specialty","value":"intern","focused":true}]}""", inGuild: true);

        var body = CallbackBody(bot.Fake, state);
        Assert.Equal(8, body.GetProperty("type").GetInt32());
        var choices = body.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("Internal Medicine", choices);
        Assert.InRange(choices.Count, 1, 25);
        Assert.Empty(bot.Engine.Received);
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task ButtonInDm_SendsPayloadToEngine_AndUpdatesTheMessage()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();
        bot.Engine.Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([new Reply("Next question?") { Choices = [new Choice("Yes", "intake:q2:yes"), new Choice("No", "intake:q2:no")] }]);

        // Act
        var state = await bot.InteractAsync(3, """{"component_type":2,"custom_id":"c:intake:q1:J1","id":2}""", inGuild: false);

        // Assert
        Assert.Equal("intake:q1:J1", Assert.IsType<ButtonContent>(Assert.Single(bot.Engine.Received).Content).Payload);
        var body = CallbackBody(bot.Fake, state);
        Assert.Equal(7, body.GetProperty("type").GetInt32());
        var buttons = body.GetProperty("data").GetProperty("components")[0].GetProperty("components");
        Assert.Equal("c:intake:q2:yes", buttons[0].GetProperty("custom_id").GetString());
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task PressOnEphemeralQuestion_AnsweredWithoutButtons_ClearsTheQuestionsButtons()
    {
        // Arrange: Discord keeps every field an UPDATE_MESSAGE omits, so the old question's buttons must be cleared explicitly.
        await using var bot = await BotHarness.StartAsync();
        bot.Engine.Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([Reply.Private("That button belongs to a question that's already answered.")]);

        // Act
        var state = await bot.InteractAsync(3, """{"component_type":2,"custom_id":"c:intake:q1:J1","id":2}""", inGuild: true, messageJson: EphemeralQuestion);

        // Assert
        var body = CallbackBody(bot.Fake, state);
        Assert.Equal(7, body.GetProperty("type").GetInt32());
        Assert.Equal(0, body.GetProperty("data").GetProperty("components").GetArrayLength());
        Assert.False(body.GetProperty("data").TryGetProperty("flags", out _));
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task SlowPressOnEphemeralQuestion_DefersAnUpdate_ThenTheEditClearsTheQuestionsButtons()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();
        var release = new TaskCompletionSource<IReadOnlyList<Reply>>();
        bot.Engine.Answer = _ => release.Task;

        // Act
        var state = await bot.InteractAsync(3, """{"component_type":2,"custom_id":"c:intake:q1:J1","id":2}""", inGuild: true, waitForAck: false, messageJson: EphemeralQuestion);
        await bot.Time.WaitForTimerAsync(TimeSpan.FromSeconds(1.5));
        bot.Time.Advance(TimeSpan.FromSeconds(1.5));
        await BotHarness.WaitUntilAsync(() => state.AckType is not null);
        release.SetResult([Reply.Private("Saved.")]);
        await BotHarness.WaitUntilAsync(() => state.Edits == 1);

        // Assert
        Assert.Equal(6, state.AckType);
        var edit = bot.Fake.RequestsTo("/messages/@original").Single().Body!.Value;
        Assert.Equal(0, edit.GetProperty("components").GetArrayLength());
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task SelectMenu_UsedAboveFiveChoices_AndItsValueIsThePayload()
    {
        await using var bot = await BotHarness.StartAsync();
        var many = Enumerable.Range(1, 8).Select(i => new Choice("Option " + i, "pick:" + i)).ToList();
        bot.Engine.Answer = m => Task.FromResult<IReadOnlyList<Reply>>([new Reply("Pick one") { Choices = many }]);

        var first = await bot.InteractAsync(2, """{"id":"1","name":"help","type":1}""", inGuild: false);
        var select = CallbackBody(bot.Fake, first).GetProperty("data").GetProperty("components")[0].GetProperty("components")[0];
        await bot.InteractAsync(3, """{"component_type":3,"custom_id":"c:select","values":["pick:7"]}""", inGuild: false);

        Assert.Equal(3, select.GetProperty("type").GetInt32());
        Assert.Equal(8, select.GetProperty("options").GetArrayLength());
        Assert.Equal("pick:7", Assert.IsType<ButtonContent>(bot.Engine.Received.Last().Content).Payload);
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task FormReply_IsAModal_AndBothSubmitLayoutsAreParsed()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();
        var form = new FormRequest("scores", "Your USMLE results", [new FormField("step2ck", "Step 2 CK score", "238"), new FormField("gradyear", "Graduation year")]);
        bot.Engine.Answer = m => Task.FromResult<IReadOnlyList<Reply>>(m.Content is FormContent ? [new Reply("Saved.")] : [new Reply("Enter your scores") { Form = form }]);

        // Act
        var open = await bot.InteractAsync(2, """{"id":"1","name":"profile","type":1}""", inGuild: false);
        await bot.InteractAsync(5, """{"custom_id":"scores","components":[{"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"step2ck","value":"238"}}]}""", inGuild: false);
        await bot.InteractAsync(5, """{"custom_id":"scores","components":[{"type":1,"components":[{"type":4,"custom_id":"gradyear","value":"2019"}]}]}""", inGuild: false);

        // Assert
        var modal = CallbackBody(bot.Fake, open);
        Assert.Equal(9, modal.GetProperty("type").GetInt32());
        Assert.Equal(2, modal.GetProperty("data").GetProperty("components").GetArrayLength());
        var submits = bot.Engine.Received.Select(r => r.Content).OfType<FormContent>().ToList();
        Assert.Equal("238", submits[0].Fields["step2ck"]);
        Assert.Equal("2019", submits[1].Fields["gradyear"]);
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task FormButton_OpensTheModalAsFirstResponse()
    {
        await using var bot = await BotHarness.StartAsync();
        var form = new FormRequest("scores", "Your USMLE results", [new FormField("step2ck", "Step 2 CK score")]);
        bot.Engine.Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([new Reply("Question 4 of 12") { Form = form, Choices = [new Choice("Skip", "skip")] }]);

        var question = await bot.InteractAsync(2, """{"id":"1","name":"profile","type":1}""", inGuild: false);
        var formButton = CallbackBody(bot.Fake, question).GetProperty("data").GetProperty("components")[1].GetProperty("components")[0];
        var click = await bot.InteractAsync(3, $$"""{"component_type":2,"custom_id":"{{formButton.GetProperty("custom_id").GetString()}}"}""", inGuild: false);

        Assert.Equal(9, CallbackBody(bot.Fake, click).GetProperty("type").GetInt32());
        Assert.Single(bot.Engine.Received);
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task LongTextAndImage_GoToAnEmbedAndAMultipartAttachment()
    {
        await using var bot = await BotHarness.StartAsync();
        var longText = string.Join('\n', Enumerable.Range(1, 80).Select(i => $"- Program number {i} in Los Angeles"));
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        bot.Engine.Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([new Reply(longText) { Image = new ReplyImage(png, "Chart of tiers", "plan.png") }]);

        var state = await bot.InteractAsync(2, """{"id":"1","name":"plan","type":1}""", inGuild: false);

        var request = bot.Fake.RequestsTo($"/interactions/{state.Id}/").Single();
        Assert.Equal("plan.png", request.FileName);
        var data = request.Body!.Value.GetProperty("data");
        Assert.False(data.TryGetProperty("content", out _));
        Assert.True(data.GetProperty("embeds")[0].GetProperty("description").GetString()!.Length <= 4096);
        Assert.Equal("0", data.GetProperty("attachments")[0].GetProperty("id").GetString());
        AssertClean(bot.Fake);
    }

    [Fact]
    public async Task EngineFailure_StillAcknowledgesWithAnApology()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Engine.Answer = _ => throw new InvalidOperationException("boom");

        var state = await bot.InteractAsync(2, RankCommand, inGuild: true);

        Assert.Equal(4, state.AckType);
        Assert.Contains("Sorry", CallbackBody(bot.Fake, state).GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        AssertClean(bot.Fake);
    }
}
