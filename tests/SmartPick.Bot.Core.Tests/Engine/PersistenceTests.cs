using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Tests.Support;

namespace SmartPick.Bot.Core.Tests.Engine;

public sealed class PersistenceTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Restart_MidIntake_ResumesAtSameQuestionWithEarlierAnswers()
    {
        // Arrange: half an intake, then the process "dies" (engine and store dropped).
        await _bot.Direct().Send("/profile").Send("IM").Send("non-US IMG").Send("j1").Send("One at a time").Send("Passed, first attempt").Expect("Step 2 CK").RunAsync();

        // Act: a brand-new engine and store over the same SQLite file.
        var restarted = TestBot.CreateEngine(_bot.DatabasePath, _bot.Clock, new RecordingAdvisor(), new RecordingGuide());
        var chat = new ConversationScript(restarted, "test", "u1", ChatKind.Direct);
        await chat.Send("238").Expect("Step 2 CK** on the first attempt").Send("back").Expect("Step 2 CK").Expect("Currently: 238").RunAsync();

        // Assert
        var json = _bot.StoredProfileJson("u1")!;
        Assert.Contains("Internal Medicine", json, StringComparison.Ordinal);
        Assert.Contains("\"NonUsImg\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentMessages_FromOneUser_AreSerialized_NoAnswerLost()
    {
        var fields = new[] { "step2ck 238", "gradyear 2019", "letters 3", "publications 2", "usce 6", "visa j1", "languages Spanish", "states CA" };

        await Task.WhenAll(fields.Select(f => _bot.Engine.HandleAsync(
            new InboundMessage("test", "dm-u1", "u1", ChatKind.Direct, new TextContent("/profile set " + f)), CancellationToken.None)));

        var json = _bot.StoredProfileJson("u1")!;
        foreach (var expected in (string[])["238", "2019", "\"us\":3", "\"publications\":2", "\"months\":6", "J1", "Spanish", "CA"])
        {
            Assert.Contains(expected, json, StringComparison.Ordinal);
        }

    }
}
