using SmartPick.Bot.Core.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Engine;

/// <summary>Exam history recorded as an adviser would: passing standards by test date, "failed then passed" as one failure and one pass.</summary>
public sealed class ExamHistoryTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private ApplicantProfile Stored() => ProfileJson.Deserialize(_bot.StoredProfileJson("u1")!);

    [Fact]
    public async Task ImplausibleStep2Score_IsRejectedWithAReason_AndNothingSaved()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/profile set step2ck 5").Expect("couldn't set").Expect("well above 100").RunAsync();

        Assert.Null(Stored().Step2ck);
    }

    [Fact]
    public async Task Step2ScoreBelow209_IsAFailedAttempt_NotAScore()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/profile set step2ck 205").Expect("failed attempt").RunAsync();

        Assert.Equal(new Step2Info(null, 1, false), Stored().Step2ck);
    }

    [Fact]
    public async Task Step2ScoreBetween209And217_AsksTheResult_AndAFailIsRecordedAsAFailure()
    {
        await _bot.Direct().Send("/profile").Send("IM").Send("US citizen").Send("One at a time").Send("Passed, first attempt")
            .Send("212").Expect("Did that attempt **pass**")
            .Press("Failed").Expect("failed attempt")
            .RunAsync();

        Assert.Equal(new Step2Info(null, 1, false), Stored().Step2ck);
    }

    [Theory]
    [InlineData("2021", true)]
    [InlineData("2023", false)]
    public async Task Step2ScoreBetween209And217_TheTestYearDecides_WhenItCan(string year, bool passed)
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/profile edit step2ck").Send("212")
            .Send(year).RunAsync();

        Assert.Equal(passed, Stored().Step2ck?.Passed);
    }

    [Fact]
    public async Task FailThenPass_IsOneFailureAndOnePass()
    {
        await _bot.Direct().Send("/profile").Send("IM").Send("US citizen").Send("One at a time")
            .Press("Failed once, then passed").Expect("Step 2 CK")
            .RunAsync();

        Assert.Equal(new Step1Info(Step1Result.Pass, null, 2), Stored().Step1);
    }

    [Fact]
    public async Task GreenCardHolder_IsANonUsImgWithoutVisaNeed_AndIsNotAskedAboutVisas()
    {
        await _bot.Direct().Send("/profile").Send("IM").Press("Green card holder").ExpectNot("visa").Expect("USMLE results").RunAsync();

        Assert.Equal(ApplicantType.NonUsImg, Stored().ApplicantType);
        Assert.Equal(VisaNeed.None, Stored().Visa);
    }

    [Fact]
    public async Task UsCitizen_IsNotAskedAboutVisas()
    {
        await _bot.Direct().Send("/profile").Send("IM").Press("US citizen").ExpectNot("visa").Expect("USMLE results").RunAsync();

        Assert.Equal(ApplicantType.UsImg, Stored().ApplicantType);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("0", 0)]
    [InlineData("skip", null)]
    [InlineData("unknown", null)]
    public async Task UsceNoneMeansZero_SkipOrUnknownMeansNotGiven(string value, int? months)
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/profile set usce 6").Send($"/profile set usce {value}").RunAsync();

        Assert.Equal(months, Stored().Usce?.Months);
    }

    [Fact]
    public async Task Connections_AreStoredForSignals()
    {
        await _bot.Direct().Send("/profile set specialties IM")
            .Send("/profile set connections rotated at Kern Medical and Arrowhead; letters from UC Riverside").Expect("Saved")
            .RunAsync();

        Assert.Equal(new[] { "Kern Medical", "Arrowhead" }, Stored().Connections?.Rotations);
        Assert.Equal(new[] { "UC Riverside" }, Stored().Connections?.LetterWriters);
    }

    [Fact]
    public async Task MilitaryApplicant_IsSetOnlyOnRequest_AndNeverAskedInTheIntake()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/profile set military yes").Expect("Saved").RunAsync();
        Assert.True(Stored().Military);

        await _bot.Direct().Send("/profile restart").Send("IM").Send("US citizen").Send("skip").Send("skip").Send("skip").Send("skip").Send("skip").Send("skip")
            .Expect("That's everything").ExpectNot("USU graduate or HPSP scholar)?").RunAsync();
    }
}
