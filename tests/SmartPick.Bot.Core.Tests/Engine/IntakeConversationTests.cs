using SmartPick.Bot.Core.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Engine;

public sealed class IntakeConversationTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    public static ConversationScript CompleteIntake(ConversationScript chat) => chat
        .Send("/profile").Expect("specialty")
        .Send("IM, FM").Expect("Which describes you")
        .Send("non-US IMG").Expect("visa")
        .Send("j1").Expect("USMLE results")
        .Press("One at a time").Expect("Step 1")
        .Press("Passed, first attempt").Expect("Step 2 CK")
        .Send("Step 2: 238").Expect("Step 2 CK** on the first attempt")
        .Press("First attempt").Expect("Step 3")
        .Send("no").Expect("graduate")
        .Send("2019").Expect("US clinical experience")
        .Send("6 months").Expect("hands-on")
        .Send("yes").Expect("California")
        .Press("Yes").Expect("letters")
        .Send("3").Expect("from your chosen specialty")
        .Send("2").Expect("physicians in California")
        .Send("1").Expect("Languages besides English")
        .Send("Spanish").Expect("publications")
        .Send("1").Expect("train")
        .Send("SoCal, Central Valley, CA").Expect("rotate")
        .Send("skip").Expect("That's everything");

    [Fact]
    public async Task FullIntake_TypedAndPressedAnswers_StoresEveryField()
    {
        await CompleteIntake(_bot.Direct()).Expect("Step 2 CK score: 238").Expect("Visa: J-1").RunAsync();

        var profile = ProfileJson.Deserialize(_bot.StoredProfileJson("u1")!);
        Assert.Equal(["Internal Medicine", "Family Medicine"], profile.Specialties);
        Assert.Equal(ApplicantType.NonUsImg, profile.ApplicantType);
        Assert.Equal(new Step1Info(Step1Result.Pass, null, 1), profile.Step1);
        Assert.Equal(new Step2Info(238, 1, true), profile.Step2ck);
        Assert.Equal(false, profile.Step3?.Passed);
        Assert.Equal(2019, profile.GraduationYear);
        Assert.Equal(VisaNeed.J1, profile.Visa);
        Assert.Equal(new UsceInfo(6, true, true), profile.Usce);
        Assert.Equal(new LettersInfo(3, 2, 1), profile.Letters);
        Assert.Equal(["Spanish"], profile.Languages);
        Assert.Equal(1, profile.Research?.Publications);
        Assert.Equal(["SoCal", "CV"], profile.Preferences?.Regions);
        Assert.Equal(["CA"], profile.Preferences?.States);
    }

    [Fact]
    public async Task Skip_LeavesFieldNotReported_AndSkipsDependentQuestions()
    {
        await _bot.Direct()
            .Send("/profile").Send("Internal Medicine").Send("US citizen").Send("One at a time").Send("pass").Send("1")
            .Send("skip").Expect("not reported").Expect("Step 3")
            .ExpectNot("Step 2 CK** on the first attempt")
            .RunAsync();

        var profile = ProfileJson.Deserialize(_bot.StoredProfileJson("u1")!);
        Assert.Null(profile.Step2ck?.Score);
    }

    [Fact]
    public async Task Skip_OnSpecialty_IsRefusedWithReason()
    {
        await _bot.Direct().Send("/profile").Send("skip").Expect("can't be skipped").Expect("specialty").RunAsync();
    }

    [Fact]
    public async Task Back_ReturnsToPreviousQuestion_ShowingCurrentAnswer()
    {
        await _bot.Direct()
            .Send("/profile").Send("IM").Send("non-US IMG").Expect("visa")
            .Send("back").Expect("Which describes you").Expect("Currently: Non-US IMG")
            .Send("US citizen").Expect("USMLE results").ExpectNot("visa")
            .RunAsync();

        Assert.Contains("\"UsImg\"", _bot.StoredProfileJson("u1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_OnFirstQuestion_SaysThereIsNothingBefore()
    {
        await _bot.Direct().Send("/profile").Send("back").Expect("first question").RunAsync();
    }

    [Fact]
    public async Task StaleButton_FromEarlierQuestion_ReasksCurrentQuestion()
    {
        await _bot.Direct()
            .Send("/profile").Send("IM")
            .PressPayload("intake:specialties:Pediatrics").Expect("earlier question").Expect("Which describes you")
            .RunAsync();

        Assert.Contains("Internal Medicine", _bot.StoredProfileJson("u1"), StringComparison.Ordinal);
        Assert.DoesNotContain("Pediatrics", _bot.StoredProfileJson("u1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_ThenProfile_ResumesAtSameQuestion()
    {
        await _bot.Direct()
            .Send("/profile").Send("IM").Send("pause").Expect("Paused")
            .Send("/profile").Expect("Welcome back").Expect("Which describes you")
            .RunAsync();
    }
}
