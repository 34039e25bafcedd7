using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Model;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Tests.Model;

/// <summary>The smaller distortions of issue 10 point 5, each pinned by a test.</summary>
public sealed class DistortionTests
{
    [Fact]
    public void ProgramTerms_AreCentredOnTheCatalog_AConstantShiftChangesNoChance()
    {
        // Moving the reference IMG share adds the same constant to every IM program's terms; because β is solved on
        // the catalog's own reference list, no shown chance may move.
        var shifted = new RankingEngine(RankingModelLoader.Load(TestData.KnowledgeDirectory, coefficients: new ModelCoefficients { ReferenceImgShare = 25 }));
        var profile = TestData.Profile(step2: 236) with { Usce = new UsceInfo(5, true, false) };
        var query = new RankQuery("Internal Medicine", 2026, Top: 40);

        var a = TestData.Engine.Rank(profile, query);
        var b = shifted.Rank(profile, query);

        Assert.Equal(a.Programs.Select(p => p.Program.AcgmeId), b.Programs.Select(p => p.Program.AcgmeId));
        Assert.All(a.Programs.Zip(b.Programs), x => Approx.Equal(x.First.InterviewProbability, x.Second.InterviewProbability, relative: 1e-6));
        Approx.Equal(a.Plan.PMatch, b.Plan.PMatch, relative: 1e-6);
    }

    [Fact]
    public void VisaApplicant_NoPenalty_WhereTheSpecialtyHasNoVisaColumn()
    {
        var specialty = TestData.Model.Specialties.First(s => TestData.Model.ProgramsIn(s).Count > 0 && !TestData.Model.ReportsVisas(s));
        var r = TestData.Engine.Rank(TestData.Profile(specialty, 235) with { Visa = VisaNeed.J1 }, new RankQuery(specialty, 2026));

        Assert.NotEmpty(r.Programs);
        Assert.All(r.Programs, p => Assert.DoesNotContain(p.Factors, f => f.Name == "Visa not reported"));
        var im = TestData.Engine.Rank(TestData.Profile(step2: 235) with { Visa = VisaNeed.J1 }, new RankQuery("Internal Medicine", 2026));
        Assert.Contains(im.Programs, p => p.Factors.Any(f => f.Name == "Visa not reported")); // IM reports visas: a blank is uncertain there
    }

    [Fact]
    public void DisplayOrder_IsRoundedChanceThenPreferredRegionThenName_NeverAcgmeId()
    {
        var profile = TestData.Profile("Family Medicine", 235) with { Preferences = new PreferencesInfo(["SD"]) };

        var list = TestData.Engine.Rank(profile, new RankQuery("Family Medicine", 2026, State: "CA")).Programs.Where(p => p.Tier != SmartPick.Ranking.Planning.Tier.Ineligible).ToList();

        for (var i = 1; i < list.Count; i++)
        {
            var (prev, cur) = (list[i - 1], list[i]);
            var (pp, cp) = (Math.Round(prev.InterviewProbability * 100), Math.Round(cur.InterviewProbability * 100));
            Assert.True(pp >= cp, $"{prev.Program.Name} before {cur.Program.Name}");
            if (pp == cp && IsPreferred(prev.Program) == IsPreferred(cur.Program))
            {
                Assert.True(string.CompareOrdinal(prev.Program.Name, cur.Program.Name) <= 0, $"{prev.Program.Name} before {cur.Program.Name}");
            }
            else if (pp == cp)
            {
                Assert.True(IsPreferred(prev.Program), "preferred region first among equal chances");
            }
        }

        static bool IsPreferred(ProgramRecord p) => p.Region == "SD";
    }

    [Fact]
    public void UsceZeroMonths_DiffersFromNotGiven()
    {
        var unknown = TestData.Engine.Assess(TestData.Profile(step2: 235), TestData.Model.Calibration("Internal Medicine")!, 2026);
        var zero = TestData.Engine.Assess(TestData.Profile(step2: 235) with { Usce = new UsceInfo(0) }, TestData.Model.Calibration("Internal Medicine")!, 2026);

        Assert.Empty(unknown.ApplicantFactors);
        Assert.Contains(zero.ApplicantFactors, f => f.Name == "US clinical experience" && f.Contribution < 0);
        Assert.True(zero.MatchProbability < unknown.MatchProbability);
    }
}
