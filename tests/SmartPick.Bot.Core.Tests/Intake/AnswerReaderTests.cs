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
        foreach (var step in IntakeTable.Steps)
        {
            var reply = IntakeDialogue.Ask(step, new ApplicantProfile(), null);
            Assert.All(reply.Choices, c => Assert.True(System.Text.Encoding.UTF8.GetByteCount(c.Payload) <= 64, c.Payload));
        }
    }
}
