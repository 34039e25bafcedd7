using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Core.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.Core.Tests.Intake;

/// <summary>
/// Three typical applicants (issue 11's personas) answer whatever the intake asks, the way they would type it; a turn
/// is one message or button press, "/profile" included.
/// </summary>
public sealed class IntakeTurnCountTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    public static TheoryData<string> Personas => [.. Answers.Keys];

    private static readonly Dictionary<string, Dictionary<string, string>> Answers = new()
    {
        // Indian J-1 graduate, 226, IM or FM in Southern California.
        ["j1-im-fm-socal"] = new()
        {
            ["specialties"] = "IM, FM", ["type"] = "non-US IMG, need J1", ["visa"] = "J1",
            ["step1"] = "pass", ["step1attempts"] = "1", ["step2ck"] = "226", ["step2attempts"] = "1", ["step3"] = "no", ["gradyear"] = "2021",
            ["exams"] = "step 1 pass on first attempt, ck 226 first attempt, no step 3, graduated 2021",
            ["usce"] = "4 months hands-on, in California", ["handson"] = "yes", ["usceca"] = "yes",
            ["letters"] = "3 US letters, 2 in IM, 1 from California", ["lettersspecialty"] = "2", ["lettersca"] = "1",
            ["extras"] = "Hindi, 1 publication", ["languages"] = "Hindi", ["publications"] = "1",
            ["regions"] = "SoCal", ["states"] = "CA", ["connections"] = "skip", ["interviews"] = "2",
        },

        // Egyptian graduate needing H-1B, Step 1 failed then passed, 231, Psychiatry in LA, no USCE.
        ["h1b-psych-la"] = new()
        {
            ["specialties"] = "Psychiatry", ["type"] = "non-US IMG", ["visa"] = "H1B",
            ["step1"] = "fail", ["step1attempts"] = "2", ["step2ck"] = "231", ["step2attempts"] = "1", ["step3"] = "no", ["gradyear"] = "2018",
            ["exams"] = "failed step 1 once then passed, 231 on ck, step 3 not taken, graduated 2018",
            ["usce"] = "none", ["handson"] = "no", ["usceca"] = "no",
            ["letters"] = "2 US letters, 1 in psychiatry, none from California", ["lettersspecialty"] = "1", ["lettersca"] = "0",
            ["extras"] = "Arabic, no publications", ["languages"] = "Arabic", ["publications"] = "0",
            ["regions"] = "Los Angeles", ["states"] = "CA", ["connections"] = "skip", ["interviews"] = "0",
        },

        // Caribbean-trained US citizen, 219 (passed), Pediatrics or FM anywhere in California.
        ["us-citizen-peds-fm-ca"] = new()
        {
            ["specialties"] = "Pediatrics, FM", ["type"] = "US citizen", ["visa"] = "none",
            ["step1"] = "pass", ["step1attempts"] = "1", ["step2ck"] = "219", ["step2attempts"] = "1", ["step2result"] = "passed", ["step3"] = "no", ["gradyear"] = "2024",
            ["exams"] = "passed step 1 first try, ck 219 passed first try, no step 3, graduated 2024",
            ["usce"] = "6 months hands-on, none in California", ["handson"] = "yes", ["usceca"] = "no",
            ["letters"] = "3 US letters, 2 in pediatrics, 0 from California", ["lettersspecialty"] = "2", ["lettersca"] = "0",
            ["extras"] = "Spanish, 0 publications", ["languages"] = "Spanish", ["publications"] = "0",
            ["regions"] = "Anywhere in the US", ["states"] = "CA", ["connections"] = "skip", ["interviews"] = "1",
        },
    };

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task TypicalApplicant_CompletesProfile_InAtMostTwelveTurns(string persona)
    {
        var answers = Answers[persona];
        var turns = 1;
        var replies = await SendAsync(new CommandContent("profile"));
        while (StoredStep() is { } step)
        {
            Assert.True(answers.ContainsKey(step), $"{persona}: no answer for step {step}: {string.Join(" | ", replies.Select(r => r.Text))}");
            replies = await SendAsync(new TextContent(answers[step]));
            turns++;
            output.WriteLine($"{step}: {answers[step]}");
            Assert.True(turns < 40, $"{persona}: the intake does not end");
        }

        output.WriteLine($"{persona}: {turns} turns");
        Assert.Contains(replies, r => r.Text.Contains("That's everything", StringComparison.Ordinal));
        Assert.True(turns <= 12, $"{persona}: {turns} turns");
    }

    /// <summary>In interview season the intake adds "interviews so far"; the same personas, through the dialogue itself.</summary>
    [Theory]
    [MemberData(nameof(Personas))]
    public void TypicalApplicant_InInterviewSeason_CompletesProfile_InAtMostTwelveTurns(string persona)
    {
        var timeline = CycleTimeline.Load(Path.Combine(AppContext.BaseDirectory, "knowledge", "timeline", "cycles.csv"));
        var dialogue = new IntakeDialogue(new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero)), timeline);
        var (state, replies) = dialogue.Begin(UserState.New);
        var turns = 1;
        var asked = new List<string>();
        while (state.Conversation.IntakeStep is { } step)
        {
            asked.Add(step);
            (state, replies) = dialogue.Answer(state, Answers[persona][step]);
            turns++;
            Assert.True(turns < 40, $"{persona}: the intake does not end");
        }

        output.WriteLine($"{persona} (interview season): {turns} turns");
        Assert.Contains("interviews", asked);
        Assert.Contains(replies, r => r.Text.Contains("That's everything", StringComparison.Ordinal));
        Assert.True(turns <= 12, $"{persona}: {turns} turns");
    }

    private Task<IReadOnlyList<Reply>> SendAsync(InboundContent content) =>
        _bot.Engine.HandleAsync(new InboundMessage("test", "dm-u1", "u1", ChatKind.Direct, content), CancellationToken.None);

    private string? StoredStep()
    {
        using var connection = new SqliteConnection($"Data Source={_bot.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT intake_step FROM conversations WHERE user_id = 'u1'";
        return command.ExecuteScalar() as string;
    }
}
