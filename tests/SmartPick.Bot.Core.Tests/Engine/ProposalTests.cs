using SmartPick.Bot.Core.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Engine;

/// <summary>Values read from free text are saved only after the user confirms.</summary>
public sealed class ProposalTests : IDisposable
{
    private readonly TestBot _bot = new();

    public ProposalTests() =>
        _bot.Guide.Propose = p => (p ?? new ApplicantProfile()) with { Step2ck = new Step2Info(238, null), Visa = VisaNeed.J1, GraduationYear = 2019 };

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task FreeTextFacts_AreProposed_AndSavedOnlyAfterYes()
    {
        var chat = await _bot.Direct()
            .Send("/profile set specialties IM")
            .Send("I got 212 on Step 1 and 238 on CK, graduated 2019, need a J-1")
            .Expect("I read this from your message").Expect("Step 2 CK score: not reported → **238**").Expect("Visa: not reported → **J-1**")
            .RunAsync();
        Assert.DoesNotContain("238", _bot.StoredProfileJson("u1"), StringComparison.Ordinal);

        await chat.Press("Yes, save").Expect("Saved").RunAsync();

        var profile = ProfileJson.Deserialize(_bot.StoredProfileJson("u1")!);
        Assert.Equal(238, profile.Step2ck?.Score);
        Assert.Equal(VisaNeed.J1, profile.Visa);
        Assert.Equal(["Internal Medicine"], profile.Specialties);
    }

    [Fact]
    public async Task Discard_LeavesProfileUnchanged_AndAStalePressIsHarmless()
    {
        await _bot.Direct()
            .Send("/profile set specialties IM")
            .Send("my CK is 238 and I need a J-1")
            .Press("No, discard").Expect("unchanged")
            .PressPayload("proposal:yes").Expect("nothing waiting")
            .RunAsync();

        Assert.DoesNotContain("238", _bot.StoredProfileJson("u1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidProposal_IsIgnored()
    {
        _bot.Guide.Propose = p => (p ?? new ApplicantProfile()) with { Step2ck = new Step2Info(999, null) };

        await _bot.Direct().Send("/profile set specialties IM").Send("CK 999").ExpectNot("I read this").RunAsync();
    }
}

/// <summary>Confirming applies only the proposed changes to the profile as it is at that moment.</summary>
public sealed class ProposalMergeTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task ChangesMadeWhileAProposalWaits_AreKept()
    {
        _bot.Guide.Propose = p => (p ?? new ApplicantProfile()) with { Visa = VisaNeed.J1 };

        await _bot.Direct()
            .Send("/profile set specialties IM")
            .Send("I need a J-1")
            .Send("/profile set gradyear 2019")
            .PressPayload("proposal:yes")
            .RunAsync();

        var profile = ProfileJson.Deserialize(_bot.StoredProfileJson("u1")!);
        Assert.Equal(2019, profile.GraduationYear);
        Assert.Equal(VisaNeed.J1, profile.Visa);
    }

    [Fact]
    public async Task ProposalFromAnEmptyProfile_DoesNotEraseFieldsItDidNotMention()
    {
        // The model proposes from what it heard only; fields it left out must survive the confirmation.
        _bot.Guide.Propose = _ => new ApplicantProfile { Visa = VisaNeed.J1 };

        await _bot.Direct()
            .Send("/profile set step2ck 238")
            .Send("/profile set specialties FM")
            .Send("I need a J-1")
            .Press("Yes, save")
            .RunAsync();

        var profile = ProfileJson.Deserialize(_bot.StoredProfileJson("u1")!);
        Assert.Equal(238, profile.Step2ck?.Score);
        Assert.Equal(["Family Medicine"], profile.Specialties);
        Assert.Equal(VisaNeed.J1, profile.Visa);
    }
}
