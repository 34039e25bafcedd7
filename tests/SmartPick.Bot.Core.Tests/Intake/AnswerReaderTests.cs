using SmartPick.Bot.Core.Intake;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Intake;

public sealed class AnswerReaderTests
{
    [Theory]
    [InlineData("212", 212)]
    [InlineData(" 212 ", 212)]
    [InlineData("Step 2: 238", 238)]
    [InlineData("step2ck 238", 238)]
    [InlineData("I got 241 on CK", 241)]
    public void LastNumber_FindsTheScore(string text, int expected) => Assert.Equal(expected, AnswerReader.LastNumber(text));

    [Theory]
    [InlineData("none")]
    [InlineData("Step 2")]
    public void LastNumber_WithoutAScore_IsNull(string text) => Assert.Null(AnswerReader.LastNumber(text));

    [Theory]
    [InlineData("J-1", VisaNeed.J1)]
    [InlineData("j1", VisaNeed.J1)]
    [InlineData("H1B", VisaNeed.H1B)]
    [InlineData("h-1b", VisaNeed.H1B)]
    [InlineData("none", VisaNeed.None)]
    [InlineData("Green card", VisaNeed.None)]
    public void VisaStep_ReadsCommonSpellings(string text, VisaNeed expected)
    {
        var step = IntakeTable.Find("visa")!;
        var result = step.Read(new ApplicantProfile(), text, new IntakeContext(2026));
        Assert.True(result.Ok, result.Error);
        Assert.Equal(expected, result.Profile!.Visa);
    }

    [Theory]
    [InlineData("1 year", 12)]
    [InlineData("1.5 years", 18)]
    [InlineData("4 months", 4)]
    [InlineData("none", 0)]
    public void UsceStep_ReadsMonthsAndYears(string text, int months)
    {
        var result = IntakeTable.Find("usce")!.Read(new ApplicantProfile(), text, new IntakeContext(2026));
        Assert.Equal(months, result.Profile!.Usce!.Months);
    }

    [Theory]
    [InlineData("yes 221", true, 221)]
    [InlineData("no", false, null)]
    [InlineData("passed", true, null)]
    public void Step3Step_ReadsPassAndOptionalScore(string text, bool passed, int? score)
    {
        var result = IntakeTable.Find("step3")!.Read(new ApplicantProfile(), text, new IntakeContext(2026));
        Assert.Equal(new Step3Info(passed, score), result.Profile!.Step3);
    }

    [Fact]
    public void Table_CoversEveryProfileField()
    {
        var ids = IntakeTable.Steps.Select(s => s.Id).ToHashSet();
        string[] required = ["specialties", "type", "step1", "step1attempts", "step2ck", "step2attempts", "step3", "gradyear", "visa", "usce", "handson", "usceca", "letters", "lettersspecialty", "lettersca", "languages", "publications", "regions", "states"];
        Assert.Subset(ids, required.ToHashSet());
        Assert.Equal(ids.Count, IntakeTable.Steps.Count); // ids are unique
    }

    [Fact]
    public void EveryChoicePayload_FitsTelegramCallbackLimit()
    {
        var dialogue = new IntakeDialogue(TimeProvider.System);
        foreach (var step in IntakeTable.Steps)
        {
            var reply = dialogue.Ask(step, new ApplicantProfile(), null);
            Assert.All(reply.Choices, c => Assert.True(System.Text.Encoding.UTF8.GetByteCount(c.Payload) <= 64, c.Payload));
        }
    }

    [Fact]
    public void EveryButton_PassesItsOwnQuestionsValidation()
    {
        // The state a question is asked in: e.g. in-specialty letters only after some US letters, a 209–217 score before its result.
        var asked = new ApplicantProfile
        {
            Specialties = ["Internal Medicine"],
            Letters = new LettersInfo(2),
            Step2ck = new Step2Info(212),
            Step1 = new Step1Info(Step1Result.Pass),
            Usce = new UsceInfo(3),
        };
        foreach (var step in IntakeTable.Steps)
        {
            foreach (var label in step.ChoicesAt(asked))
            {
                var read = step.Read(asked, label, new IntakeContext(2026));
                Assert.True(read.Ok, $"{step.Id}: button \"{label}\" rejected: {read.Error}");
            }
        }
    }
}

/// <summary>Realistic answers found in review: numbers that are not the score, names with "/" or "and", units.</summary>
public sealed class RealisticAnswerTests
{
    private static ApplicantProfile Read(string step, string text, ApplicantProfile? start = null)
    {
        var result = IntakeTable.Find(step)!.Read(start ?? new ApplicantProfile(), text, new IntakeContext(2026));
        Assert.True(result.Ok, result.Error);
        return result.Profile!;
    }

    [Theory]
    [InlineData("Pass (2nd attempt)", Step1Result.Pass, null)]
    [InlineData("failed once, passed on the 2nd", Step1Result.Pass, null)]
    [InlineData("fail", Step1Result.Fail, null)]
    [InlineData("212", Step1Result.Score, 212)]
    [InlineData("passed with 231 in 2019", Step1Result.Score, 231)]
    public void Step1_ReadsResultNotIncidentalNumbers(string text, Step1Result result, int? score)
    {
        var profile = Read("step1", text);
        Assert.Equal(result, profile.Step1!.Result);
        Assert.Equal(score, profile.Step1.Score);
    }

    [Theory]
    [InlineData("238, 2nd attempt", 238)]
    [InlineData("Step 2 CK: 241 (first try)", 241)]
    public void Step2_PrefersTheThreeDigitScore(string text, int score) => Assert.Equal(score, Read("step2ck", text).Step2ck!.Score);

    [Theory]
    [InlineData("Internal Medicine/Pediatrics", new[] { "Internal Medicine/Pediatrics" })]
    [InlineData("Physical Medicine and Rehabilitation, IM", new[] { "Physical Medicine and Rehabilitation", "Internal Medicine" })]
    [InlineData("ob/gyn", new[] { "Obstetrics and Gynecology" })]
    [InlineData("IM and FM", new[] { "Internal Medicine", "Family Medicine" })]
    [InlineData("IM/FM", new[] { "Internal Medicine", "Family Medicine" })]
    public void Specialties_KeepNamesThatContainSeparators(string text, string[] expected) =>
        Assert.Equal(expected, Read("specialties", text).Specialties);

    [Theory]
    [InlineData("about 1 year", 12)]
    [InlineData("2 yrs", 24)]
    [InlineData("1 year 6 months", 18)]
    [InlineData("18 mo", 18)]
    [InlineData("6", 6)]
    public void Usce_SumsYearsAndMonths(string text, int months) => Assert.Equal(months, Read("usce", text).Usce!.Months);

    [Fact]
    public void ApplicantType_NotACitizen_IsNonUsImg() => Assert.Equal(ApplicantType.NonUsImg, Read("type", "I'm not a US citizen").ApplicantType);

    [Theory]
    [InlineData("LA", "LA", null)]
    [InlineData("SD", "SD", null)]
    [InlineData("CA", null, "CA")]
    public void RankArguments_ReadRegionCodesBeforeStateCodes(string word, string? region, string? state)
    {
        var request = Core.Commands.AdviceCommands.ReadRequest(new Core.Messaging.CommandContent("rank", word));
        Assert.Equal(region, request.Region);
        Assert.Equal(state, request.State);
    }

    [Fact]
    public void RankArguments_CapTheListLength() =>
        Assert.Equal(Core.Commands.AdviceCommands.MaxListed, Core.Commands.AdviceCommands.ReadRequest(new Core.Messaging.CommandContent("rank", "2000")).Top);
}
