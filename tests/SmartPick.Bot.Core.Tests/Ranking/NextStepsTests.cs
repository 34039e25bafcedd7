using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Ranking;

/// <summary>Issue 11 point 2: no dead end — what would change the advice, computed by ranking the changed profile.</summary>
public sealed class NextStepsTests
{
    [Fact]
    public void H1bSeekerWithoutStep3_IsToldWhatWouldOpenPrograms_WithComputedNumbers()
    {
        var result = Personas.Personas.Advisor.Rank(Personas.Personas.EgyptianH1b, new RankRequest());

        var steps = result.Json!["nextSteps"]!.AsArray();
        Assert.NotEmpty(steps);
        Assert.All(steps, s => Assert.Equal(["change", "effect", "detail"], s!.AsObject().Select(kv => kv.Key)));
        var changes = steps.Select(s => s!["change"]!.GetValue<string>()).ToList();
        Assert.Contains(changes, c => c.Contains("Step 3", StringComparison.Ordinal) || c.Contains("J-1", StringComparison.Ordinal) || c.StartsWith("Add ", StringComparison.Ordinal));
        Assert.All(steps, s => Assert.Matches(@"\d", s!["effect"]!.GetValue<string>()));
        var text = string.Join("\n", result.Replies.Select(r => r.Text));
        if (result.Json["programs"]!.AsArray().All(p => p!["tier"]!.GetValue<string>() == "Ineligible") || result.Json["plan"]!["pMatch"]!.GetValue<double>() < 0.2)
        {
            Assert.Contains("What would change it", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OpeningStep3_ForAnH1bSeeker_NeverLowersTheEligibleCount()
    {
        var before = Personas.Personas.Advisor.Rank(Personas.Personas.EgyptianH1b, new RankRequest()).Json!;
        var step = before["nextSteps"]!.AsArray().FirstOrDefault(s => s!["change"]!.GetValue<string>().Contains("Step 3", StringComparison.Ordinal));
        var after = Personas.Personas.Advisor.Rank(Personas.Personas.EgyptianH1b with { Step3 = new Step3Info(true) }, new RankRequest()).Json!;

        Assert.True(after["plan"]!["pMatch"]!.GetValue<double>() >= before["plan"]!["pMatch"]!.GetValue<double>());
        if (step is not null)
        {
            Assert.Contains(SmartPick.Bot.Core.Ranking.RankText.Pct(after["plan"]!["pMatch"]!.GetValue<double>()), step["effect"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }
}
