using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Tests.Model;

public sealed class FactorTests
{
    [Fact]
    public void Factors_SumToLogit_ForEveryProgram()
    {
        var profile = TestData.Profile(step2: 228) with
        {
            Visa = VisaNeed.J1,
            GraduationYear = 2018,
            Step1 = new Step1Info(Step1Result.Pass, null, 2),
            Usce = new UsceInfo(4, true, true),
            Letters = new LettersInfo(3, 2, 1),
            Languages = ["Spanish"],
            Preferences = new PreferencesInfo(["SoCal"]),
        };

        var result = TestData.Engine.Rank(profile, new RankQuery("Internal Medicine", 2026));

        Assert.Equal(688, result.Programs.Count);
        foreach (var p in result.Programs)
        {
            Approx.Equal(p.LogOdds, p.Factors.Sum(f => f.Contribution), absolute: 1e-12);
            Approx.Equal(result.Assessment.Rule.MeanLogistic(p.LogOdds), p.InterviewProbability); // shown chance: E over the shared strength u
            Assert.True(p.InterviewProbability > 0 && p.InterviewProbability < 1);
            Assert.All(p.Factors, f => Assert.False(string.IsNullOrWhiteSpace(f.Source)));
        }
    }

    [Fact]
    public void UnknownFields_ContributeNothing()
    {
        var result = TestData.Engine.Rank(TestData.Profile(step2: null), new RankQuery("Internal Medicine", 2026, Top: 5));

        Assert.Empty(result.Assessment.ApplicantFactors);
        Assert.All(result.Programs, p => Assert.DoesNotContain(p.Factors, f => f.Name == "Step 2 CK vs program"));
    }

    [Fact]
    public void PreferredRegionLosAngeles_DoesNotBoostLouisiana()
    {
        // Regression: region code "LA" (Los Angeles) once matched the state code "LA" (Louisiana).
        var profile = TestData.Profile(step2: 235) with { Preferences = new PreferencesInfo(["LA"]) };

        var result = TestData.Engine.Rank(profile, new RankQuery("Internal Medicine", 2026));

        Assert.All(result.Programs.Where(p => p.Program.State == "LA"), p => Assert.DoesNotContain(p.Factors, f => f.Name == "Preferred region"));
        Assert.Contains(result.Programs, p => p.Program.Region == "LA" && p.Factors.Any(f => f.Name == "Preferred region"));
    }
}
