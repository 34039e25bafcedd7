using CsCheck;
using SmartPick.Ranking.Planning;
using SmartPick.Ranking.Profiles;
using SmartPick.Ranking.Quadrature;

namespace SmartPick.Ranking.Tests.Planning;

public sealed class PlannerTests
{
    private static readonly GaussHermite Sigma09 = GaussHermite.For(0.9);

    private static List<PlanCandidate> Candidates(IEnumerable<double> logOdds, GaussHermite rule, double q = 0.18) =>
        [.. logOdds.OrderDescending().Select((eta, i) => new PlanCandidate($"{1400500000 + i}", eta, rule.MeanLogistic(eta), q))];

    private static PlanResult Plan(List<PlanCandidate> c, GaussHermite rule, RankingSettings? settings = null) =>
        Planner.Plan(c, rule, settings ?? new RankingSettings(), 0, c.Count);

    [Fact]
    public void Plan_GreedyOrder_GainsDecreaseAndCumulate()
    {
        var plan = Plan(Candidates(Enumerable.Range(0, 50).Select(i => -4 + ((i * 37 % 50) / 12.0)), Sigma09), Sigma09);

        double cumulative = 0;
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            cumulative += plan.Steps[i].MarginalGain;
            Approx.Equal(cumulative, plan.Steps[i].CumulativeMatchProbability);
            if (i > 0)
            {
                Assert.True(plan.Steps[i].MarginalGain <= plan.Steps[i - 1].MarginalGain + 1e-15);
                Assert.True(plan.Steps[i].InterviewProbability <= plan.Steps[i - 1].InterviewProbability);
            }
        }
    }

    [Fact]
    public void Plan_RelativeStoppingRule_StopsWhenGainFallsBelowShareOfCurrentChance()
    {
        var c = Candidates(Enumerable.Range(0, 200).Select(i => -2 - (i / 40.0)), Sigma09);

        var plan = Plan(c, Sigma09, new RankingSettings { MinRelativeGain = 0.01, MaxApplications = 500 });

        var n = plan.RecommendedApplications;
        Assert.InRange(n, 2, 199);
        Assert.True(plan.Steps[n].MarginalGain < 0.01 * plan.Steps[n - 1].CumulativeMatchProbability);
        Assert.True(plan.Steps[n - 1].MarginalGain >= 0.01 * plan.Steps[n - 2].CumulativeMatchProbability);
        Approx.Equal(plan.Steps[n - 1].CumulativeMatchProbability, plan.PMatch);
        Assert.Equal(n, plan.TierMix.Values.Sum());
    }

    [Fact]
    public void Plan_WeakerProfile_NeverRecommendsFewerApplications()
    {
        // A relative rule: shifting every chance down (weaker applicant) must not shrink the list, as the absolute
        // 0.1-point rule did.
        var etas = Enumerable.Range(0, 300).Select(i => -1.5 - (i / 100.0)).ToArray();
        var previous = 0;
        foreach (var shift in new[] { 1.0, 0.0, -1.0, -2.0 })
        {
            var n = Plan(Candidates(etas.Select(e => e + shift), Sigma09), Sigma09).RecommendedApplications;
            Assert.True(n >= previous, $"shift {shift}: {n} < {previous}");
            previous = n;
        }
    }

    [Fact]
    public void Plan_ChancesAreOrdered_PMatchBelowGivenInterviewBelowOne() =>
        Gen.Double[-6, 1].Array[1, 150].Select(Gen.Double[0, 2.5], Gen.Double[0.05, 0.6]).Sample((etas, sigma, q) =>
        {
            var rule = GaussHermite.For(sigma);
            var plan = Plan(Candidates(etas, rule, q), rule);
            Assert.True(plan.PMatch <= plan.PMatchGivenInterview + 1e-12);
            Assert.True(plan.PMatch <= plan.PAtLeastOneInterview + 1e-12);
            Assert.InRange(plan.PMatchGivenInterview, 0, 1 + 1e-12);
            Approx.Equal(1 - plan.PAtLeastOneInterview, plan.InterviewDistribution[0], relative: 1e-9, absolute: 1e-12);
        }, iter: 200);

    [Fact]
    public void Distribution_WithoutSharedStrength_MatchesBruteForceEnumeration() =>
        Gen.Double[-4, 3].Array[1, 10].Sample(etas =>
        {
            var rule = GaussHermite.For(0);
            var plan = Plan(Candidates(etas, rule), rule, new RankingSettings { MinRelativeGain = 0 });
            var brute = BruteForce([.. etas.Select(e => 1 / (1 + Math.Exp(-e)))]);
            Assert.Equal(etas.Length, plan.RecommendedApplications);
            for (var k = 0; k < brute.Length; k++)
            {
                Approx.Equal(brute[k], plan.InterviewDistribution[k], relative: 1e-9, absolute: 1e-15);
            }
        }, iter: 300);

    [Fact]
    public void Plan_InternalMedicine_PlacesThreeGoldAndTwelveSilverSignals()
    {
        var profile = TestData.Profile(step2: 240) with { Visa = VisaNeed.J1, Preferences = new PreferencesInfo(["SoCal"]) };

        var result = TestData.Engine.Rank(profile, new RankQuery("Internal Medicine", 2026));
        var signals = SignalPlacer.Place(result, profile, TestData.Model.Settings.Signals["Internal Medicine"]);

        Assert.Equal(3, signals.Count(s => s.Kind == "gold"));
        Assert.Equal(12, signals.Count(s => s.Kind == "silver"));
        Assert.Equal(15, signals.Select(s => s.AcgmeId).Distinct().Count());
        Assert.True(result.Plan.PMatch <= result.Plan.PAtLeastOneInterview);
    }

    [Fact]
    public void Tiers_FollowConfiguredThresholds()
    {
        var settings = new RankingSettings { PossibleAtLeast = 0.1, HigherChanceAtLeast = 0.3 };

        Assert.Equal(Tier.LongShot, settings.TierFor(0.099));
        Assert.Equal(Tier.Possible, settings.TierFor(0.1));
        Assert.Equal(Tier.HigherChance, settings.TierFor(0.3));
    }

    private static double[] BruteForce(double[] p)
    {
        var dist = new double[p.Length + 1];
        for (var mask = 0; mask < 1 << p.Length; mask++)
        {
            double prob = 1;
            var k = 0;
            for (var i = 0; i < p.Length; i++)
            {
                var hit = (mask & (1 << i)) != 0;
                prob *= hit ? p[i] : 1 - p[i];
                k += hit ? 1 : 0;
            }

            dist[k] += prob;
        }

        return dist;
    }
}
