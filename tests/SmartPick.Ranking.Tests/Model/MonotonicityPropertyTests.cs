using CsCheck;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Tests.Model;

/// <summary>Better score, more USCE, more letters never lower any probability.</summary>
public sealed class MonotonicityPropertyTests
{
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("SMARTPICK_PROPERTY_ITERATIONS"), out var n) ? n : 150;

    private static readonly string[] SpecialtiesToTest = ["Internal Medicine", "Family Medicine", "Pediatrics", "Psychiatry"];

    private static readonly Gen<ApplicantProfile> Profiles =
        from specialty in Gen.Int[0, 3].Select(i => SpecialtiesToTest[i])
        from type in Gen.Enum<ApplicantType>()
        from step2 in Gen.Int[190, 275] // below 209 the intake records a failed attempt, but the engine must still be monotone there
        from attempts in Gen.Int[1, 3]
        from yog in Gen.Int[2005, 2026]
        from visa in Gen.Enum<VisaNeed>()
        from months in Gen.Int[0, 24]
        from handsOn in Gen.Bool
        from ca in Gen.Bool
        from us in Gen.Int[0, 6]
        from inSpec in Gen.Int[0, 4]
        from step3 in Gen.Bool
        from spanish in Gen.Bool
        select new ApplicantProfile
        {
            Specialties = [specialty],
            ApplicantType = type,
            Step2ck = new Step2Info(step2, attempts),
            Step3 = new Step3Info(step3),
            GraduationYear = yog,
            Visa = visa,
            Usce = new UsceInfo(months, handsOn, ca),
            Letters = new LettersInfo(us, inSpec, ca ? 1 : 0),
            Languages = spanish ? ["Spanish"] : [],
            Preferences = new PreferencesInfo(["SoCal"]),
        };

    [Fact]
    public void HigherStep2_NeverLowersAnyProbability() =>
        Profiles.Select(Gen.Int[1, 30]).Sample((p, d) => AssertNotLower(p, p with { Step2ck = p.Step2ck! with { Score = p.Step2ck.Score + d } }), iter: Iterations);

    [Fact]
    public void MoreUsce_NeverLowersAnyProbability() =>
        Profiles.Select(Gen.Int[1, 12]).Sample((p, d) => AssertNotLower(p, p with { Usce = p.Usce! with { Months = p.Usce.Months + d } }), iter: 150);

    [Fact]
    public void MoreLetters_NeverLowersAnyProbability() =>
        Profiles.Select(Gen.Int[0, 3], Gen.Int[0, 3]).Sample((p, a, b) => AssertNotLower(p, p with { Letters = p.Letters! with { Us = p.Letters.Us + a, InSpecialty = p.Letters.InSpecialty + b, California = p.Letters.California + 1 } }), iter: 150);

    [Fact]
    public void SpecialtyCurves_AreNonDecreasingOverAllScores()
    {
        foreach (var cal in TestData.Model.Specialties.Select(s => TestData.Model.Calibration(s)!))
        {
            var previous = 0.0;
            for (var s = 150; s <= 300; s++)
            {
                var p = Ranking.Model.SpecialtyCurve.Probability(cal, s);
                Assert.True(p >= previous, $"{cal.Specialty} decreases at {s}");
                previous = p;
            }
        }
    }

    private static void AssertNotLower(ApplicantProfile worse, ApplicantProfile better)
    {
        var specialty = worse.Specialties[0];
        var query = new RankQuery(specialty, 2026, State: "CA");
        var a = TestData.Engine.Rank(worse, query);
        var b = TestData.Engine.Rank(better, query);
        Assert.True(b.Assessment.MatchProbability >= a.Assessment.MatchProbability - 1e-12, "match probability dropped");
        var before = a.Programs.ToDictionary(p => p.Program.AcgmeId, p => p.InterviewProbability);
        foreach (var p in b.Programs)
        {
            Assert.True(p.InterviewProbability >= before[p.Program.AcgmeId] - 1e-12, $"{p.Program.AcgmeId} dropped");
        }

        Assert.True(b.Plan.PMatchIfAllApplied >= a.Plan.PMatchIfAllApplied - 1e-12, "plan P(match) dropped");
    }
}
