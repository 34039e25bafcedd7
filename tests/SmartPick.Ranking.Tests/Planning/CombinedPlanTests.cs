using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Tests.Planning;

/// <summary>One plan across specialties (issue 11, point 1): one shared strength, P(match) = matching anywhere.</summary>
public sealed class CombinedPlanTests
{
    private static ApplicantProfile Both(int step2 = 226) => TestData.Profile(step2: step2) with { Specialties = ["Internal Medicine", "Family Medicine"] };

    private static MultiRankResult Across(ApplicantProfile p, params string[] specialties) =>
        TestData.Engine.RankAcross(p, [.. specialties.Select(s => new RankQuery(s, 2026, Top: 10))]);

    [Fact]
    public void OneSpecialty_IsThatSpecialtysPlan()
    {
        var profile = TestData.Profile(step2: 231);
        var single = TestData.Engine.Rank(profile, new RankQuery("Internal Medicine", 2026, Top: 10)).Plan;
        var across = Across(profile, "Internal Medicine").Plan;

        Assert.Equal(single.RecommendedApplications, across.RecommendedApplications);
        Approx.Equal(single.PMatch, across.PMatch, relative: 1e-12);
        Approx.Equal(single.PMatchIfAllApplied, across.PMatchIfAllApplied, relative: 1e-12);
        Assert.Equal(single.Steps.Select(s => s.AcgmeId), across.Steps.Select(s => s.AcgmeId));
    }

    [Fact]
    public void TwoSpecialties_AddLessThanIndependentSpecialtiesWould()
    {
        var m = Across(Both(), "Internal Medicine", "Family Medicine");
        var im = m.Specialties[0].Plan.PMatchIfAllApplied;
        var fm = m.Specialties[1].Plan.PMatchIfAllApplied;

        // Adding a specialty never lowers the chance of applying everywhere, but the same strength screens both:
        // the chance stays clearly below what two independent specialties would promise.
        Assert.True(m.Plan.PMatchIfAllApplied > Math.Max(im, fm));
        Assert.True(m.Plan.PMatchIfAllApplied < 1 - ((1 - im) * (1 - fm)) - 0.01, $"{m.Plan.PMatchIfAllApplied:P1} vs independent {1 - ((1 - im) * (1 - fm)):P1}");
    }

    [Fact]
    public void Plan_HoldsBothSpecialties_AndSharesAddUp()
    {
        var m = Across(Both(), "Internal Medicine", "Family Medicine");
        var chosen = m.Plan.Steps.Take(m.Plan.RecommendedApplications).ToList();

        Assert.Contains(chosen, s => s.Specialty == "Internal Medicine");
        Assert.Contains(chosen, s => s.Specialty == "Family Medicine");
        Assert.True(m.BySpecialty.All(b => b.PlanApplications >= TestData.Model.Settings.MinPerSpecialty), "a named specialty keeps its best programs");
        Assert.Equal(m.Plan.RecommendedApplications, m.BySpecialty.Sum(b => b.PlanApplications));
        Approx.Equal(m.Plan.ExpectedInterviews, m.BySpecialty.Sum(b => b.ExpectedInterviews), relative: 1e-9);
        Assert.Equal(m.Specialties[0].Assessment.MatchProbability, m.BySpecialty[0].MatchProbability);
        Assert.True(m.Plan.PMatch <= m.Plan.PMatchGivenInterview);
    }

    /// <summary>
    /// P(match) of the combined list against an independent computation: one standard-normal strength z, loaded σₛ per
    /// specialty, integrated by the trapezoid rule on a fine grid (not Gauss–Hermite).
    /// </summary>
    [Fact]
    public void PMatch_AgreesWithFineIntegrationOverOneStrength()
    {
        var m = Across(Both(231), "Internal Medicine", "Family Medicine");
        var chosen = m.Plan.Steps.Take(m.Plan.RecommendedApplications).ToList();
        var cal = m.Specialties.ToDictionary(r => r.Assessment.Calibration.Specialty, r => r.Assessment.Calibration);
        double total = 0, mass = 0;
        const double dz = 0.005;
        for (var z = -9.0; z <= 9.0; z += dz)
        {
            var density = Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
            var miss = 1.0;
            foreach (var s in chosen)
            {
                var c = cal[s.Specialty!];
                miss *= 1 - (c.InterviewMatchQ / (1 + Math.Exp(-(s.LogOdds + (c.Sigma * z)))));
            }

            total += density * (1 - miss) * dz;
            mass += density * dz;
        }

        Approx.Equal(total / mass, m.Plan.PMatch, relative: 1e-3);
    }
}
