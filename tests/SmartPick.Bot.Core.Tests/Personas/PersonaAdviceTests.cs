using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Personas;

/// <summary>
/// The five applicants of issue 11 replayed through /rank and /plan, with what a careful adviser requires: a first
/// message that fits a phone, no dead end without next steps, no made-up identical percentages, no military program
/// for a civilian, signals never on unconfirmed visas and never all outside the stated area while eligible ones exist there.
/// </summary>
public sealed class PersonaAdviceTests
{
    public static TheoryData<string> Names => [.. Personas.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Rank_FirstMessage_FitsAPhone_AndNamesTheChance(string name)
    {
        var reply = Personas.Advisor.Rank(Profile(name), new RankRequest()).Replies[0];

        Assert.True(RankPage.VisibleLength(reply.Text) <= 1500, $"{name}: {RankPage.VisibleLength(reply.Text)} visible characters");
        Assert.Contains("chance to match", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Plan_FirstMessage_FitsAPhone_WithTheRestBehindMore(string name)
    {
        var first = Personas.Advisor.Plan(Profile(name), new RankRequest()).Replies[0];
        var second = Personas.Advisor.Plan(Profile(name), new RankRequest(Page: 2)).Replies[0];

        Assert.True(RankPage.VisibleLength(first.Text) <= 1500, $"{name}: {RankPage.VisibleLength(first.Text)} visible characters");
        Assert.Contains(first.Choices, c => c.Label == "More" && c.Payload.StartsWith("cmd:plan", StringComparison.Ordinal) && c.Payload.EndsWith("page 2", StringComparison.Ordinal));
        Assert.Contains("First programs in the list", second.Text, StringComparison.Ordinal);
        Assert.Empty(second.Choices);
    }

    /// <summary>A program without program-level data has no tier, in the plan's mix too (the Psychiatry persona: all unrated).</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void Plan_TierMix_CountsUnratedProgramsAsUnrated(string name)
    {
        var json = Personas.Advisor.Plan(Profile(name), new RankRequest(Specialty: Profile(name).Specialties[0])).Json!["plan"]!;

        var list = json["list"]!.AsArray();
        var mix = json["tierMix"]!.AsObject();
        Assert.Equal(list.Count(s => s!["tier"]!.GetValue<string>() == "Unrated"), mix["Unrated"]!.GetValue<int>());
        Assert.Equal(list.Count, mix.Sum(kv => kv.Value!.GetValue<int>()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Rank_NeverADeadEnd_NoEligibleProgramMeansNextSteps(string name)
    {
        var result = Personas.Advisor.Rank(Profile(name), new RankRequest(Top: 50));

        var eligible = result.Json!["programs"]!.AsArray().Count(p => p!["tier"]!.GetValue<string>() != "Ineligible");
        if (eligible == 0)
        {
            Assert.NotEmpty(result.Json["nextSteps"]!.AsArray());
            Assert.Contains("What would change it", result.Replies[0].Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Rank_NoMadeUpPercentages_AndNoMilitaryProgramOffered(string name)
    {
        var result = Personas.Advisor.Rank(Profile(name), new RankRequest(Top: 50));

        foreach (var p in result.Json!["programs"]!.AsArray())
        {
            var tier = p!["tier"]!.GetValue<string>();
            Assert.Equal(tier == "Unrated", p["interviewProbability"] is null);
            var programName = p["name"]!.GetValue<string>();
            if (programName.Contains("Naval Medical Center", StringComparison.OrdinalIgnoreCase) || programName.Contains("Army", StringComparison.Ordinal))
            {
                Assert.Equal("Ineligible", tier);
            }
        }

        var rows = result.Replies[0].Text.Split('\n').Where(l => l.Length > 3 && char.IsAsciiDigit(l[0])).ToList();
        Assert.DoesNotContain(rows, r => r.Contains("Naval Medical Center", StringComparison.OrdinalIgnoreCase));
        Assert.All(rows.Where(r => r.Contains("no program-level data", StringComparison.Ordinal)), r => Assert.DoesNotContain("%", r, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Plan_Signals_NeverOnUnconfirmedVisas_AndNotAllOutsideTheStatedArea(string name)
    {
        var profile = Profile(name);
        var all = Personas.Advisor.Rank(profile, new RankRequest(Top: 50)).Json!["programs"]!.AsArray();
        var plan = Personas.Advisor.Plan(profile, new RankRequest(Top: 50)).Json!;

        var signals = plan["plan"]!["signals"]!.AsArray();
        Assert.All(signals, s => Assert.False(string.IsNullOrWhiteSpace(s!["reason"]!.GetValue<string>())));
        var byId = all.ToDictionary(p => p!["acgmeId"]!.GetValue<string>());
        foreach (var s in signals)
        {
            if (byId.TryGetValue(s!["acgmeId"]!.GetValue<string>(), out var p))
            {
                Assert.Equal("Eligible", p!["eligibility"]!["status"]!.GetValue<string>());
            }
        }

        if (profile.Preferences is not null && signals.Count > 0 && signals.Any(s => s!["reason"]!.GetValue<string>().Contains("preferred area (", StringComparison.Ordinal)) is var inArea)
        {
            var areaEligibleExists = all.Any(p => p!["eligibility"]!["status"]!.GetValue<string>() == "Eligible" && p["state"]!.GetValue<string>() == "CA");
            Assert.True(!areaEligibleExists || inArea, $"{name}: every signal is outside the stated area although eligible programs exist there");
        }
    }

    private static ApplicantProfile Profile(string name) => Personas.All.Single(p => p.Name == name).Profile;
}
