using SmartPick.Bot.Core.Ranking;

namespace SmartPick.Bot.Core.Tests.Ranking;

/// <summary>Issue 11 point 3: no made-up personal percentage for programs without program-level data.</summary>
public sealed class UnratedProgramTests
{
    [Fact]
    public void ProgramsWithoutOpennessFacts_AreUnrated_WithNullChance_AndNoPercentInTheChat()
    {
        var result = Personas.Personas.Advisor.Rank(Personas.Personas.EgyptianH1b, new RankRequest(Top: 50));

        var programs = result.Json!["programs"]!.AsArray();
        var unrated = programs.Where(p => p!["tier"]!.GetValue<string>() == "Unrated").ToList();
        Assert.NotEmpty(unrated);
        Assert.All(unrated, p => Assert.Null(p!["interviewProbability"]));
        Assert.All(programs, p => Assert.Contains(p!["tier"]!.GetValue<string>(), new[] { "HigherChance", "Possible", "LongShot", "Unrated", "Ineligible" }));
        var rows = result.Replies[0].Text.Split('\n').Where(l => l.Length > 3 && char.IsAsciiDigit(l[0])).ToList();
        Assert.All(rows.Where(r => r.Contains("no program-level data", StringComparison.Ordinal)), r => Assert.DoesNotContain("%", r, StringComparison.Ordinal));
    }

    [Fact]
    public void RatedPrograms_KeepTheirChance()
    {
        var programs = Personas.Personas.Advisor.Rank(Personas.Personas.FreeText, new RankRequest(Top: 20)).Json!["programs"]!.AsArray();

        Assert.Contains(programs, p => p!["tier"]!.GetValue<string>() is "HigherChance" or "Possible" or "LongShot" && p["interviewProbability"] is not null);
    }
}
