using CsCheck;
using SmartPick.Ranking.Profiles;
using Xunit.Abstractions;

namespace SmartPick.Ranking.Tests.Model;

/// <summary>
/// The numbers one reply shows must agree (issue 10, point 4): for a profile with only specialty and Step 2 CK, on
/// the national catalog, the plan's chance given at least one interview is close to the NRMP-calibrated chance.
/// </summary>
public sealed class ConsistencyTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, double> Cases => new()
    {
        { "Internal Medicine", 220, 0.10 }, { "Internal Medicine", 230, 0.10 }, { "Internal Medicine", 240, 0.10 }, { "Internal Medicine", 250, 0.10 },
        { "Internal Medicine", 260, 0.10 }, { "Family Medicine", 220, 0.15 }, { "Family Medicine", 245, 0.15 }, { "Psychiatry", 220, 0.15 },
        { "Psychiatry", 240, 0.15 }, { "Psychiatry", 260, 0.15 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PlanChances_AgreeWithCalibratedChance(string specialty, int step2, double bound)
    {
        var r = TestData.Engine.Rank(TestData.Profile(specialty, step2), new RankQuery(specialty, 2026, Top: 10));
        var m = r.Assessment.MatchProbability;
        output.WriteLine($"{specialty} {step2}: matchProbability {m:P1}, plan.pMatch {r.Plan.PMatch:P1}, given interview {r.Plan.PMatchGivenInterview:P1}, n {r.Plan.RecommendedApplications}, P(K>=1) {r.Plan.PAtLeastOneInterview:P1}, E[K] {r.Plan.ExpectedInterviews:0.0}");

        Assert.Null(r.Coverage);
        Assert.InRange(r.Plan.PMatchGivenInterview - m, -bound, bound);
        Assert.InRange(r.Plan.PMatch - m, -0.15, 0.15);
        Assert.True(r.Plan.PMatch <= r.Plan.PMatchGivenInterview);
    }

    [Fact]
    public void Neurology_FewerCatalogProgramsThanApplications_IsMarkedPartial()
    {
        var r = TestData.Engine.Rank(TestData.Profile("Neurology", 235), new RankQuery("Neurology", 2026, Top: 10));

        Assert.NotNull(r.Coverage);
        Assert.True(r.Coverage.Partial);
        Assert.Equal(TestData.Model.ProgramsIn("Neurology").Count, r.Coverage.ProgramsListed);
        Assert.True(r.Coverage.ProgramsListed < 77);
        Assert.Contains("fewer than the 77 applications", r.Coverage.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchProbability_ReproducesCurve_ForTheReferenceApplicant()
    {
        foreach (var s in new[] { 220, 235, 260 })
        {
            var a = TestData.Engine.Assess(TestData.Profile(step2: s), TestData.Model.Calibration("Internal Medicine")!, 2026);
            Approx.Equal(a.CurveProbability, a.MatchProbability, relative: 1e-6);
        }
    }

    /// <summary>
    /// A CK failure or 10+ years since graduation must lower the plan's chance in proportion to the calibrated chance:
    /// ratio(plan.pMatch / matchProbability) with the penalty stays within ±<see cref="RatioDrift"/> (relative) of the ratio
    /// without it. National IM catalog, no visa need (visa eligibility acts through the list, not through strength).
    /// Other factors neutral or weaker (USCE ≤ 3 months, ≤ 2 letters): above neutral the specialty chance is capped at the
    /// own list's chance given an interview (model.md §4), which is deliberately not proportional.
    /// </summary>
    private const double RatioDrift = 0.15;

    [Fact]
    public void Penalties_LowerPlanAndCalibratedChanceInProportion() =>
        Gen.Select(Gen.Int[215, 265], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Bool).Sample(t =>
        {
            var (step2, usce, letters, yog) = t;
            var plain = TestData.Profile(step2: step2) with { Visa = VisaNeed.None, Usce = new UsceInfo(usce, true, false), Letters = new LettersInfo(letters, 1, 0), GraduationYear = 2024 };
            var worse = yog ? plain with { GraduationYear = 2014 } : plain with { Step2ck = new Step2Info(step2, 2) };
            var q = new RankQuery("Internal Medicine", 2026, Top: 1);
            var a = TestData.Engine.Rank(plain, q);
            var b = TestData.Engine.Rank(worse, q);
            var drift = (b.Plan.PMatch / b.Assessment.MatchProbability) / (a.Plan.PMatch / a.Assessment.MatchProbability);
            Assert.True(b.Plan.PMatch < a.Plan.PMatch && b.Assessment.MatchProbability < a.Assessment.MatchProbability);
            Assert.InRange(drift, 1 - RatioDrift, 1 + RatioDrift);
        }, iter: 40);

    /// <summary>
    /// Regression (CsCheck seed 7AFmqzZdE352): a strong profile with a low score. Scaling the curve by the unconditional
    /// ratio of the typical list gave Pediatrics 100% at 200 and less at 212 (IM: less at 223 than at 207); capped at the
    /// own list's chance given an interview, a higher score never lowers the chance and no profile is called certain.
    /// </summary>
    [Theory]
    [InlineData("Internal Medicine")]
    [InlineData("Family Medicine")]
    [InlineData("Pediatrics")]
    [InlineData("Psychiatry")]
    public void StrongProfile_LowScore_ChanceRisesWithScoreAndStaysBelowCertainty(string specialty)
    {
        var previous = 0.0;
        for (var s = 190; s <= 250; s++)
        {
            var profile = new ApplicantProfile
            {
                Specialties = [specialty], ApplicantType = ApplicantType.NonUsImg, Step2ck = new Step2Info(s, 1), Step3 = new Step3Info(true),
                GraduationYear = 2025, Visa = VisaNeed.H1B, Usce = new UsceInfo(17, true, true), Letters = new LettersInfo(6, 3, 1),
                Languages = ["Spanish"], Preferences = new PreferencesInfo(["SoCal"]),
            };
            var a = TestData.Engine.Assess(profile, TestData.Model.Calibration(specialty)!, 2026);
            Assert.True(a.MatchProbability >= previous, $"{specialty}: chance fell at {s}");
            Assert.True(a.MatchProbability < 0.99, $"{specialty} {s}: {a.MatchProbability:P1} reads as certain");
            previous = a.MatchProbability;
        }
    }

    [Fact]
    public void Table_ReMeasured()
    {
        var rows = new (string Label, ApplicantProfile Profile)[]
        {
            ("IM 220", TestData.Profile(step2: 220)), ("IM 230", TestData.Profile(step2: 230)), ("IM 240", TestData.Profile(step2: 240)), ("IM 250", TestData.Profile(step2: 250)),
            ("IM 235, one CK failure", TestData.Profile(step2: 235) with { Step2ck = new Step2Info(235, 2) }),
            ("IM 235, 10+ years", TestData.Profile(step2: 235) with { GraduationYear = 2014 }),
            ("Neurology 235", TestData.Profile("Neurology", 235)), ("FM 235", TestData.Profile("Family Medicine", 235)), ("Psychiatry 235", TestData.Profile("Psychiatry", 235)),
        };
        foreach (var (label, profile) in rows)
        {
            var r = TestData.Engine.Rank(profile, new RankQuery(profile.Specialties[0], 2026, Top: 1));
            output.WriteLine($"| {label} | {r.Assessment.MatchProbability:P0} | {r.Plan.PMatch:P0} | {r.Plan.PMatchGivenInterview:P0} | {r.Plan.RecommendedApplications} | {(r.Coverage is { } c ? $"partial ({c.ProgramsListed} listed)" : "-")} |");
        }
    }
}
