using SmartPick.Ranking.Planning;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Tests.Planning;

public sealed class PlannerTests
{
    [Fact]
    public void Plan_GreedyOrder_GainsDecreaseAndCumulate()
    {
        var candidates = Enumerable.Range(0, 50).Select(i => ($"{1400500000 + i}", 0.02 + ((i * 37 % 50) / 100.0))).ToList();

        var plan = Planner.Plan(candidates, 0.18, null, new RankingSettings(), 2);

        double cumulative = 0;
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            cumulative += plan.Steps[i].MarginalGain;
            Approx.Equal(cumulative, plan.Steps[i].CumulativeMatchProbability);
            if (i > 0)
            {
                Assert.True(plan.Steps[i].MarginalGain <= plan.Steps[i - 1].MarginalGain);
                Assert.True(plan.Steps[i].InterviewProbability <= plan.Steps[i - 1].InterviewProbability);
            }
        }
    }

    [Fact]
    public void Plan_RecommendedList_MatchesExactDistribution()
    {
        var candidates = Enumerable.Range(0, 200).Select(i => ($"{1400500000 + i}", 0.3 / (1 + i))).ToList();

        var plan = Planner.Plan(candidates, 0.2, null, new RankingSettings { MinMarginalGain = 0.001 }, 2);

        Assert.InRange(plan.RecommendedApplications, 1, 199);
        Approx.Equal(plan.Steps[plan.RecommendedApplications - 1].CumulativeMatchProbability, plan.PMatch);
        Assert.True(plan.Steps[plan.RecommendedApplications].MarginalGain < 0.001);
        Assert.Equal(plan.RecommendedApplications + 1, plan.InterviewDistribution.Length);
        Assert.Equal(plan.RecommendedApplications, plan.TierMix.Values.Sum());
    }

    [Fact]
    public void Plan_InternalMedicine_PlacesThreeGoldAndTwelveSilverSignals()
    {
        var profile = TestData.Profile(step2: 240) with { Visa = VisaNeed.J1, Preferences = new PreferencesInfo(["SoCal"]) };

        var result = TestData.Engine.Rank(profile, new RankQuery("Internal Medicine", 2026));

        Assert.Equal(3, result.Plan.Signals.Count(s => s.Kind == "gold"));
        Assert.Equal(12, result.Plan.Signals.Count(s => s.Kind == "silver"));
        Assert.Equal(15, result.Plan.Signals.Select(s => s.AcgmeId).Distinct().Count());
        Assert.InRange(result.Plan.PAtLeastOneInterview, 0, 1);
        Assert.True(result.Plan.PMatch <= result.Plan.PAtLeastOneInterview);
    }

    [Fact]
    public void Tiers_FollowConfiguredThresholds()
    {
        var settings = new RankingSettings { TargetAtLeast = 0.1, SafetyAtLeast = 0.3 };

        Assert.Equal(Tier.Reach, settings.TierFor(0.099));
        Assert.Equal(Tier.Target, settings.TierFor(0.1));
        Assert.Equal(Tier.Safety, settings.TierFor(0.3));
    }
}
