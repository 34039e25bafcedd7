using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Engine;

/// <summary>A platform may deliver a message again after a crash; its effect must be applied exactly once.</summary>
public sealed class RedeliveryTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task RedeliveredAnswer_AfterRestart_IsNotAppliedToTheNextQuestion_AndGetsTheSameReply()
    {
        await _bot.Direct().Send("/profile").Send("IM").Send("non-US IMG").Send("j1").Send("One at a time").Send("Passed, first attempt").Expect("Step 2 CK").RunAsync();
        var answer = Message("238", "update:41");
        var first = await _bot.Engine.HandleAsync(answer, CancellationToken.None);

        // The process dies before the platform learns the update was handled; a new engine gets it again.
        var restarted = TestBot.CreateEngine(_bot.DatabasePath, _bot.Clock, new RecordingAdvisor(), new RecordingGuide());
        var again = await restarted.HandleAsync(answer, CancellationToken.None);

        Assert.Equal(first.Select(r => r.Text), again.Select(r => r.Text));
        Assert.Equal(first.SelectMany(r => r.Choices), again.SelectMany(r => r.Choices));
        Assert.Contains("Step 2 CK** on the first attempt", again[0].Text, StringComparison.Ordinal);
        var next = await restarted.HandleAsync(Message("1", "update:42"), CancellationToken.None);
        Assert.Contains("Step 3", next[0].Text, StringComparison.Ordinal);
        var profile = ProfileJson.Deserialize(_bot.StoredProfileJson("u1")!);
        Assert.Equal(new Step2Info(238, 1, true), profile.Step2ck);
    }

    [Fact]
    public async Task OlderRepeat_IsIgnoredSilently_NewIdsStillApply()
    {
        await _bot.Engine.HandleAsync(Message("/profile set step2ck 230", "update:1"), CancellationToken.None);
        await _bot.Engine.HandleAsync(Message("/profile set step2ck 240", "update:2"), CancellationToken.None);

        var repeat = await _bot.Engine.HandleAsync(Message("/profile set step2ck 230", "update:1"), CancellationToken.None);

        Assert.Empty(repeat);
        Assert.Contains("240", _bot.StoredProfileJson("u1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessagesWithoutIds_AreAlwaysHandled()
    {
        var a = await _bot.Engine.HandleAsync(Message("/help", null), CancellationToken.None);
        var b = await _bot.Engine.HandleAsync(Message("/help", null), CancellationToken.None);

        Assert.NotEmpty(a);
        Assert.NotEmpty(b);
    }

    private static InboundMessage Message(string text, string? id) =>
        new("test", "dm-u1", "u1", ChatKind.Direct, new TextContent(text)) { MessageId = id };
}

/// <summary>Regression: intake steps rebuild the conversation state, which once dropped all but the last id.</summary>
public sealed class RedeliveryDuringIntakeTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task OlderAnswerRedeliveredDuringIntake_IsNotAppliedToTheNextQuestion()
    {
        await _bot.Direct().Send("/profile").Send("IM").Send("non-US IMG").Send("j1").Send("One at a time").Send("Passed, first attempt").RunAsync();
        await _bot.Engine.HandleAsync(Message("238", "update:50"), CancellationToken.None);
        await _bot.Engine.HandleAsync(Message("2", "update:51"), CancellationToken.None);

        var repeat = await _bot.Engine.HandleAsync(Message("238", "update:50"), CancellationToken.None);

        Assert.Empty(repeat);
        var profile = ProfileJson.Deserialize(_bot.StoredProfileJson("u1")!);
        Assert.Equal(new Step2Info(238, 2, true), profile.Step2ck);
        Assert.Null(profile.Step3);
    }

    private static InboundMessage Message(string text, string id) =>
        new("test", "dm-u1", "u1", ChatKind.Direct, new TextContent(text)) { MessageId = id };
}
