using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Engine;

public sealed class CommandTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task ProfileSet_ParsesLeniently_AndStores()
    {
        await _bot.Direct()
            .Send("/profile set step2ck Step 2: 238").Expect("Saved **Step 2 CK score**: 238")
            .Send("/profile set visa H1B").Expect("H-1B")
            .Send("/profile set gradyear 2019").Expect("2019")
            .RunAsync();

        var profile = ProfileJson.Deserialize(_bot.StoredProfileJson("u1")!.Replace("\"specialties\":[]", "\"specialties\":[\"x\"]", StringComparison.Ordinal));
        Assert.Equal(238, profile.Step2ck?.Score);
        Assert.Equal(VisaNeed.H1B, profile.Visa);
        Assert.Equal(2019, profile.GraduationYear);
    }

    [Fact]
    public async Task ProfileSet_UnknownFieldOrBadValue_ExplainsAndKeepsData()
    {
        await _bot.Direct()
            .Send("/profile set step2ck 240")
            .Send("/profile set shoe-size 42").Expect("don't know the field").Expect("step2ck")
            .Send("/profile set step2ck 400").Expect("couldn't set").Expect("can't be a Step 2 CK score")
            .RunAsync();

        Assert.Contains("240", _bot.StoredProfileJson("u1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_AfterConfirmation_DeletesEveryRow()
    {
        await IntakeConversationTests.CompleteIntake(_bot.Direct()).RunAsync();
        Assert.True(_bot.RowsAbout("u1") > 0);

        var chat = await _bot.Direct().Send("/forget").Expect("can't be undone").RunAsync();
        Assert.True(_bot.RowsAbout("u1") > 0); // nothing deleted before confirmation
        await chat.Press("Yes, delete everything").Expect("deleted").RunAsync();

        Assert.Equal(0, _bot.RowsAbout("u1"));
    }

    [Fact]
    public async Task Forget_Cancel_KeepsData()
    {
        await _bot.Direct().Send("/profile set step2ck 240").Send("/forget").Press("Cancel").Expect("nothing was deleted").RunAsync();
        Assert.True(_bot.RowsAbout("u1") > 0);
    }

    [Fact]
    public async Task Forget_OnlyDeletesTheAskingUser()
    {
        await _bot.Direct("alice").Send("/profile set step2ck 240").RunAsync();
        await _bot.Direct("bob").Send("/profile set step2ck 250").Send("/forget yes").RunAsync();

        Assert.Equal(0, _bot.RowsAbout("bob"));
        Assert.True(_bot.RowsAbout("alice") > 0);
    }

    [Fact]
    public async Task Export_ReturnsProfileJson_Privately()
    {
        var chat = await IntakeConversationTests.CompleteIntake(_bot.Direct()).Send("/export").RunAsync();

        var reply = Assert.Single(chat.Last);
        Assert.Equal(Visibility.Private, reply.Visibility);
        var plain = Markup.ToPlainText(reply.Text);
        var json = plain[plain.IndexOf('{', StringComparison.Ordinal)..];
        var exported = ProfileJson.Deserialize(json);
        Assert.Equal(238, exported.Step2ck?.Score);
        Assert.Equal(VisaNeed.J1, exported.Visa);
    }

    [Fact]
    public async Task Rank_WithoutProfile_AsksForProfileFirst()
    {
        await _bot.Direct().Send("/rank").Expect("/profile").RunAsync();
        Assert.Empty(_bot.Advisor.Calls);
    }

    [Fact]
    public async Task Rank_PassesFiltersFromTextArguments()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/rank FM socal 20").Expect("rank result").RunAsync();

        var call = Assert.Single(_bot.Advisor.Calls);
        Assert.Equal(new Core.Ranking.RankRequest("Family Medicine", "SoCal", null, 20), call.Request);
    }

    [Fact]
    public async Task ExplainScore_TelegramSpelling_ReachesAdvisorWithProgramId()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/explain_score@SmartPickBot 1400531031").RunAsync();
        Assert.Equal("explain:1400531031", Assert.Single(_bot.Advisor.Calls).Call);
    }

    [Fact]
    public async Task GroupRank_IsPrivateAndPointsToDirectChat()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/profile set step2ck 232").RunAsync();

        var chat = await _bot.Group().Send("/rank").RunAsync();

        Assert.NotEmpty(chat.Last);
        Assert.All(chat.Last, r => Assert.Equal(Visibility.Private, r.Visibility));
        Assert.All(chat.Last, r => Assert.Equal("rank", r.ContinueInDirect));
    }

    [Fact]
    public async Task GroupProfile_DoesNotStartIntakeInTheGroup()
    {
        var chat = await _bot.Group().Send("/profile").Expect("private chat").RunAsync();

        Assert.All(chat.Last, r => Assert.Equal("profile", r.ContinueInDirect));
        Assert.Equal(0, _bot.RowsAbout("u1"));
    }

    [Fact]
    public async Task GroupPlainText_IsIgnored_DirectPlainText_GoesToGuide()
    {
        var group = await _bot.Group().Send("what are signals?").RunAsync();
        Assert.Empty(group.Last);

        await _bot.Direct().Send("what are signals?").Expect("Signals go to").Expect("guide/signals.md#how-many").RunAsync();
        Assert.Single(_bot.Guide.Questions);
    }

    [Fact]
    public async Task DeepLinkStart_ResumesTheCommandInDirectChat()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/start rank").Expect("rank result").RunAsync();
    }

    [Fact]
    public async Task Ask_PassesOnlyTheAskingUsersProfile()
    {
        await _bot.Direct("alice").Send("/profile set specialties IM").Send("/profile set step2ck 221").RunAsync();
        await _bot.Direct("bob").Send("/profile set specialties FM").Send("/ask how do signals work").RunAsync();

        var (_, profile) = Assert.Single(_bot.Guide.Questions);
        Assert.Equal(["Family Medicine"], profile!.Specialties);
        Assert.Null(profile.Step2ck);
    }

    [Fact]
    public async Task UnknownCommand_IsExplained()
    {
        await _bot.Direct().Send("/dance").Expect("don't know the command").RunAsync();
    }

    [Fact]
    public async Task ScoresForm_SetsSeveralFieldsAndReportsBadOnes()
    {
        await _bot.Direct()
            .Form("scores", new Dictionary<string, string> { ["step1"] = "Pass", ["step2ck"] = "238", ["step3"] = "yes 221", ["gradyear"] = "3000" })
            .Expect("Saved: Step 1, Step 2 CK score, Step 3").Expect("Graduation year")
            .RunAsync();

        var json = _bot.StoredProfileJson("u1")!;
        Assert.Contains("238", json, StringComparison.Ordinal);
        Assert.DoesNotContain("3000", json, StringComparison.Ordinal);
    }
}

/// <summary>Review regressions: the scores form moves the intake on; an abandoned single-field edit is not an intake.</summary>
public sealed class IntakeFlowRegressionTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task ScoresForm_DuringIntake_ContinuesAfterTheAnsweredQuestions()
    {
        await _bot.Direct().Send("/profile").Send("IM").Send("non-US IMG").Send("j1").Send("One at a time").Send("Passed, first attempt").Expect("Step 2 CK").RunAsync();

        await _bot.Direct()
            .Form("scores", new Dictionary<string, string> { ["step2ck"] = "238", ["step3"] = "no", ["gradyear"] = "2019" })
            .Expect("Saved").Expect("Step 2 CK** on the first attempt").ExpectNot("What is your **USMLE Step 2 CK** score")
            .Send("First attempt").Expect("US clinical experience").ExpectNot("Step 3").ExpectNot("graduate")
            .RunAsync();

        var profile = ProfileJson.Deserialize(_bot.StoredProfileJson("u1")!);
        Assert.Equal(2019, profile.GraduationYear);
        Assert.Equal(false, profile.Step3?.Passed);
    }

    [Fact]
    public async Task ProfileAfterAnAbandonedEdit_ShowsTheSummary_NotAnIntake()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/profile edit visa").Expect("visa")
            .Send("/profile").Expect("Your profile").ExpectNot("Welcome back")
            .RunAsync();
    }
}
