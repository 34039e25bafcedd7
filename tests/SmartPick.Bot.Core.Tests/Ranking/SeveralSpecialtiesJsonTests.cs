using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Ranking;

/// <summary>Issue 11 point 1: the JSON contract of a profile with several specialties.</summary>
public sealed class SeveralSpecialtiesJsonTests
{
    private static readonly ApplicantProfile ImFm = new()
    {
        Specialties = ["Internal Medicine", "Family Medicine"],
        ApplicantType = ApplicantType.NonUsImg,
        Step2ck = new Step2Info(226, 1),
        Visa = VisaNeed.J1,
        GraduationYear = 2022,
    };

    [Fact]
    public void Rank_BySpecialty_TopLevelStaysTheFirstSpecialtys()
    {
        var json = Personas.Personas.Advisor.Rank(ImFm, new RankRequest(Top: 10)).Json!;
        var single = Personas.Personas.Advisor.Rank(ImFm, new RankRequest("Internal Medicine", Top: 10)).Json!;

        Assert.Equal("Internal Medicine", json["specialty"]!.GetValue<string>());
        Assert.Equal(single["matchProbability"]!.GetValue<double>(), json["matchProbability"]!.GetValue<double>());
        var by = json["bySpecialty"]!.AsArray();
        Assert.Equal(["Internal Medicine", "Family Medicine"], by.Select(b => b!["specialty"]!.GetValue<string>()));
        Assert.Equal(json["plan"]!["recommendedApplications"]!.GetValue<int>(), by.Sum(b => b!["planApplications"]!.GetValue<int>()));
        Assert.All(by, b => Assert.True(b!["planApplications"]!.GetValue<int>() > 0));
        var programs = json["programs"]!.AsArray();
        Assert.Equal(10, programs.Count(p => p!["specialty"]!.GetValue<string>() == "Internal Medicine"));
        Assert.Equal(10, programs.Count(p => p!["specialty"]!.GetValue<string>() == "Family Medicine"));
    }

    [Fact]
    public void Rank_PlanAcrossBoth_IsAtLeastEitherAlone_AndConsistent()
    {
        var json = Personas.Personas.Advisor.Rank(ImFm, new RankRequest(Top: 1)).Json!;
        var im = Personas.Personas.Advisor.Rank(ImFm, new RankRequest("Internal Medicine", Top: 1)).Json!;
        var fm = Personas.Personas.Advisor.Rank(ImFm, new RankRequest("Family Medicine", Top: 1)).Json!;

        var plan = json["plan"]!;
        var pMatch = plan["pMatch"]!.GetValue<double>();
        Assert.True(pMatch >= Math.Max(im["plan"]!["pMatch"]!.GetValue<double>(), fm["plan"]!["pMatch"]!.GetValue<double>()) - 0.02, $"across {pMatch}");
        Assert.True(pMatch <= plan["pMatchGivenInterview"]!.GetValue<double>());
    }

    [Fact]
    public void Plan_ListAndSignals_CarryTheirSpecialty_SignalsWithinEachQuota()
    {
        var json = Personas.Personas.Advisor.Plan(ImFm with { Preferences = new PreferencesInfo(["SoCal"]) }, new RankRequest()).Json!;

        var list = json["plan"]!["list"]!.AsArray();
        Assert.Contains(list, s => s!["specialty"]!.GetValue<string>() == "Family Medicine");
        Assert.Contains(list, s => s!["specialty"]!.GetValue<string>() == "Internal Medicine");
        var signals = json["plan"]!["signals"]!.AsArray();
        Assert.InRange(signals.Count(s => s!["specialty"]!.GetValue<string>() == "Internal Medicine"), 1, 15); // 3 gold + 12 silver
        Assert.InRange(signals.Count(s => s!["specialty"]!.GetValue<string>() == "Family Medicine"), 1, 5);
    }

    [Fact]
    public void Rank_WithSpecialty_StaysSingleSpecialty()
    {
        var json = Personas.Personas.Advisor.Rank(ImFm, new RankRequest("Family Medicine", Top: 5)).Json!;

        Assert.Null(json["bySpecialty"]);
        Assert.All(json["programs"]!.AsArray(), p => Assert.Equal("Family Medicine", p!["specialty"]!.GetValue<string>()));
    }

    /// <summary>Issue 15 point 5: IM + Preliminary Medicine (a common pairing) — prelim listed, adding no chance.</summary>
    [Theory]
    [InlineData("Preliminary Medicine")]
    [InlineData("Transitional Year")]
    public void Rank_WithASpecialtyWithoutNrmpCurve_ListsItWithoutAChance(string other)
    {
        var profile = ImFm with { Specialties = ["Internal Medicine", other] };
        var result = Personas.Personas.Advisor.Rank(profile, new RankRequest(Top: 5));
        var json = result.Json!;
        var imOnly = Personas.Personas.Advisor.Rank(profile, new RankRequest("Internal Medicine", Top: 5)).Json!;

        var by = json["bySpecialty"]!.AsArray();
        var listed = by.Single(b => b!["specialty"]!.GetValue<string>() == other)!;
        Assert.Null(listed["matchProbability"]);
        Assert.Equal(0, listed["planApplications"]!.GetValue<int>());
        Assert.Equal(imOnly["plan"]!["pMatch"]!.GetValue<double>(), json["plan"]!["pMatch"]!.GetValue<double>()); // adds no chance
        var theirs = json["programs"]!.AsArray().Where(p => p!["specialty"]!.GetValue<string>() == other).ToList();
        Assert.NotEmpty(theirs);
        Assert.All(theirs, p => Assert.Null(p!["interviewProbability"]));
        Assert.Contains($"**{other}**: no NRMP chance exists", result.Replies[0].Text, StringComparison.Ordinal);
    }

    /// <summary>Issue 11 point 2 across specialties: an H-1B seeker without Step 3 is told what would change it.</summary>
    [Fact]
    public void Rank_SeveralSpecialties_StillSaysWhatWouldChangeIt()
    {
        var profile = Personas.Personas.EgyptianH1b with { Specialties = ["Psychiatry", "Family Medicine"] };
        var result = Personas.Personas.Advisor.Rank(profile, new RankRequest());

        var steps = result.Json!["nextSteps"]!.AsArray();
        Assert.Contains(steps, s => s!["change"]!.GetValue<string>().Contains("Step 3", StringComparison.Ordinal));
        Assert.Contains(steps, s => s!["effect"]!.GetValue<string>().Contains("Psychiatry programs open to you", StringComparison.Ordinal));
    }
}
