using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Engine;

/// <summary>Free text read without an LLM: statements are shown back and saved on yes; questions and small talk never derail the intake.</summary>
public sealed class FreeTextTests : IDisposable
{
    private const string Statement = "i got 238 on ck and passed step 1 in 2021, no visa needed i'm a green card holder";
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private ApplicantProfile Stored() => ProfileJson.Deserialize(_bot.StoredProfileJson("u1")!.Replace("\"specialties\":[]", "\"specialties\":[\"x\"]", StringComparison.Ordinal));

    [Fact]
    public async Task StatementAtTheFirstIntakeStep_IsShownBack_AndSavedOnYes_ThenTheStepIsAskedAgain()
    {
        await _bot.Direct().Send("/profile").Expect("Which specialty")
            .Send(Statement).Expect("I read this from your message")
            .Expect("Step 2 CK score: not reported → **238").Expect("Step 1: not reported → **Pass").Expect("Visa: not reported → **none needed")
            .Expect("Applicant type: not reported → **Non-US IMG").ExpectNot("I don't know the specialty")
            .Send("yes").Expect("Saved").Expect("Which specialty")
            .Send("IM").ExpectNot("Which describes you").ExpectNot("visa").Expect("Step 1** on the first attempt")
            .RunAsync();

        var profile = Stored();
        Assert.Equal(238, profile.Step2ck?.Score);
        Assert.Equal(true, profile.Step2ck?.Passed);
        Assert.Equal(Step1Result.Pass, profile.Step1?.Result);
        Assert.Equal(VisaNeed.None, profile.Visa);
        Assert.Equal(ApplicantType.NonUsImg, profile.ApplicantType);
        Assert.Null(profile.GraduationYear); // "in 2021" was when Step 1 was passed, not graduation
    }

    [Fact]
    public async Task StatementOutsideTheIntake_WaitsForYes_EvenAcrossARestart()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send(Statement).Expect("Save it to your profile?").RunAsync();
        Assert.Null(Stored().Step2ck);

        var restarted = new ConversationScript(TestBot.CreateEngine(_bot.DatabasePath, _bot.Clock, new RecordingAdvisor(), new RecordingGuide()), "test", "u1", ChatKind.Direct);
        await restarted.Send("yes").Expect("Saved").RunAsync();

        Assert.Equal(238, Stored().Step2ck?.Score);
        Assert.Equal(ApplicantType.NonUsImg, Stored().ApplicantType);
    }

    [Fact]
    public async Task StatementAnsweredNo_SavesNothing()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send(Statement).Send("no").Expect("unchanged").RunAsync();

        Assert.Null(Stored().Step2ck);
    }

    [Fact]
    public async Task QuestionMidIntake_IsAnswered_ThenTheStepIsAskedAgain()
    {
        await _bot.Direct().Send("/profile").Send("IM").Send("non-US IMG, need J1").Expect("USMLE results")
            .Send("what is a good ck score for IM?").Expect("Signals go to programs").Expect("Back to your profile").Expect("USMLE results")
            .ExpectNot("couldn't")
            .Send("ck 241, step 1 pass first try, graduated 2020, no step 3").Expect("Step 2 CK** on the first attempt")
            .RunAsync();

        Assert.Contains(_bot.Guide.Questions, q => q.Question == "what is a good ck score for IM?");
        Assert.Equal(241, Stored().Step2ck?.Score);
    }

    [Theory]
    [InlineData("thanks!")]
    [InlineData("ok")]
    [InlineData("lol")]
    public async Task SmallTalkMidIntake_GetsAShortReply_AndTheQuestionAgain(string text)
    {
        await _bot.Direct().Send("/profile").Send("IM").Send("US citizen").Expect("USMLE results")
            .Send(text).Expect("No problem").Expect("USMLE results").ExpectNot("guide does not cover")
            .RunAsync();

        Assert.Empty(_bot.Guide.Questions);
    }

    [Fact]
    public async Task SmallTalkOutsideTheIntake_IsNotSentToTheGuide()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("thanks!").Expect("welcome").RunAsync();

        Assert.Empty(_bot.Guide.Questions);
    }

    [Fact]
    public async Task Correction_IsProposedWithOldAndNewValue_AndSavedOnYes()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/profile set gradyear 1990")
            .Send("oops i graduated in 2021 not 1990").Expect("Graduation year: 1990 → **2021**")
            .Send("yes").Expect("Saved")
            .RunAsync();

        Assert.Equal(2021, Stored().GraduationYear);
    }

    [Fact]
    public async Task QuestionThatMentionsANumber_IsAQuestion_NotAStatement()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("is 238 ok for IM?").Expect("Signals go to programs").ExpectNot("I read this").RunAsync();

        Assert.Null(Stored().Step2ck);
    }

    [Fact]
    public async Task StatementInAGroup_IsNeverReadOrEchoed()
    {
        var replies = (await _bot.Group().Send(Statement).RunAsync()).Last;

        Assert.Empty(replies);
        Assert.Null(_bot.StoredProfileJson("u1"));
    }
}
