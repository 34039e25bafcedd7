using System.Globalization;
using SmartPick.Ranking.Outcomes;

namespace SmartPick.Ranking.Tests.Model;

/// <summary>The specialty-level chance must reproduce the NRMP pooled-SD normal model within ±4 points at 220–260.</summary>
public sealed class CalibrationTests
{
    private const double Tolerance = 0.04;

    public static TheoryData<string> Specialties => [.. TestData.Model.Specialties];

    [Theory]
    [MemberData(nameof(Specialties))]
    public void MatchProbability_MinimalProfile_ReproducesNormalModel(string specialty)
    {
        var cal = TestData.Model.Calibration(specialty)!;
        var worst = 0.0;
        for (var s = 220; s <= 260; s++)
        {
            var assessed = TestData.Engine.Assess(TestData.Profile(specialty, s), cal, 2026).MatchProbability;
            worst = Math.Max(worst, Math.Abs(assessed - NormalModel(cal.BaseRate, cal.MatchedMean, cal.UnmatchedMean, cal.PooledSd, s)));
        }

        Assert.True(worst <= Tolerance, $"{specialty}: max error {worst:P2}");
    }

    [Fact]
    public void MatchProbability_AgainstRawNrmpTable_EveryUnsuppressedSpecialtyWithinTolerance()
    {
        if (TestData.SharedData is not { } dir)
        {
            return; // reference inputs live outside the repository; the stored-parameter test above still runs
        }

        var lines = File.ReadAllLines(Path.Combine(dir, "nrmp-charting-outcomes-2026-non-us-img.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var checkedCount = 0;
        foreach (var cells in lines.Skip(1).Select(l => l.Split(',')))
        {
            double? V(string name) => cells[Col(name)] is { Length: > 0 } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;
            if (V("step2ck_matched_mean") is not { } m1 || V("step2ck_not_matched_mean") is not { } m0)
            {
                continue;
            }

            double n1 = V("step2ck_matched_n")!.Value, n0 = V("step2ck_not_matched_n")!.Value, s1 = V("step2ck_matched_sd")!.Value, s0 = V("step2ck_not_matched_sd")!.Value;
            var sd = Math.Sqrt((((n1 - 1) * s1 * s1) + ((n0 - 1) * s0 * s0)) / (n1 + n0 - 2));
            var cal = TestData.Model.Calibration(cells[0]);
            Assert.True(cal is not null, $"{cells[0]} has unsuppressed data but no calibration");
            for (var s = 220; s <= 260; s += 2)
            {
                var assessed = TestData.Engine.Assess(TestData.Profile(cells[0], s), cal, 2026).MatchProbability;
                Assert.InRange(assessed - NormalModel(n1 / (n1 + n0), m1, m0, sd, s), -Tolerance, Tolerance);
            }

            checkedCount++;
        }

        Assert.Equal(17, checkedCount);
    }

    [Fact]
    public void FamilyMedicine_NoPositiveSlope_IsFlat()
    {
        var fm = TestData.Model.Calibration("Family Medicine")!;

        Assert.Equal(CurveShape.Flat, fm.Shape);
        Assert.True(fm.B10Fit < 0);
        Assert.Equal(
            TestData.Engine.Assess(TestData.Profile("Family Medicine", 220), fm, 2026).MatchProbability,
            TestData.Engine.Assess(TestData.Profile("Family Medicine", 260), fm, 2026).MatchProbability,
            12);
    }

    [Fact]
    public void InternalMedicine_MatchesDomainTable()
    {
        var im = TestData.Model.Calibration("Internal Medicine")!;

        // domain-data §4.2: IM 40% at 235, 58% at 255
        Assert.Equal(0.40, TestData.Engine.Assess(TestData.Profile(step2: 235), im, 2026).MatchProbability, 2);
        Assert.Equal(0.58, TestData.Engine.Assess(TestData.Profile(step2: 255), im, 2026).MatchProbability, 2);
    }

    [Fact]
    public void UsImg_ShiftsUpByDocumentedPrior()
    {
        var im = TestData.Model.Calibration("Internal Medicine")!;

        var nonUs = TestData.Engine.Assess(TestData.Profile(step2: 235), im, 2026).MatchProbability;
        var us = TestData.Engine.Assess(TestData.Profile(step2: 235, type: Profiles.ApplicantType.UsImg), im, 2026).MatchProbability;

        Assert.True(us > nonUs + 0.05);
    }

    /// <summary>P(match | S) by Bayes' rule from two normal densities with a common SD (domain-data §4.1), computed directly.</summary>
    private static double NormalModel(double pi, double m1, double m0, double sd, double s)
    {
        double Density(double m) => Math.Exp(-((s - m) * (s - m)) / (2 * sd * sd));
        var a = pi * Density(m1);
        return a / (a + ((1 - pi) * Density(m0)));
    }
}
