using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Planning;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Tests.Catalog;

/// <summary>The committed socal catalog as the ranking sees it (RankingModelLoader reads it with the national catalog).</summary>
public sealed class SocalInModelTests
{
    [Fact]
    public void Rank_FamilyMedicineInlandEmpire_J1Seeker_CitizensOnlyProgramIsIneligible_WithItsCitation()
    {
        var profile = TestData.Profile("Family Medicine", 235) with { Visa = VisaNeed.J1 };

        var result = TestData.Engine.Rank(profile, new RankQuery("Family Medicine", 2026, Region: "IE"));

        var ucr = Assert.Single(result.Programs, p => p.Program.AcgmeId == "1200500737");
        Assert.Equal(Tier.Ineligible, ucr.Tier);
        Assert.Contains(ucr.Eligibility.Reasons, r => r.Rule == nameof(RuleKind.CitizensOrPermanentResidentsOnly) && r.SourceUrl == "https://somfm.ucr.edu/application-requirements-and-process");
    }

    [Fact]
    public void Rank_Pediatrics_MilitaryProgram_IsIneligibleForACivilianCitizen()
    {
        var profile = TestData.Profile("Pediatrics", 250, ApplicantType.UsImg) with { Visa = VisaNeed.None };

        var result = TestData.Engine.Rank(profile, new RankQuery("Pediatrics", 2026, Region: "SD"));

        Assert.Equal(Tier.Ineligible, Assert.Single(result.Programs, p => p.Program.AcgmeId == "X-nmcsd-pediatrics").Tier);
    }

    [Fact]
    public void Model_PreliminaryMedicine_IsATrackOnTheImProgram_EveryIdOnce()
    {
        var cedars = TestData.Model.Program("1400511040");

        Assert.NotNull(cedars);
        Assert.Equal("Internal Medicine", cedars.Specialty);
        Assert.Equal(["preliminary", "preliminary-neurology"], cedars.Tracks.Select(t => t.Track).Order(StringComparer.Ordinal));
        Assert.Equal(TestData.Model.Programs.Count, TestData.Model.Programs.Select(p => p.AcgmeId).Distinct().Count());
    }

    [Fact]
    public void Model_SocalRow_SupersedesThe2018LocationRow()
    {
        var p = TestData.Model.Program("1200500737");

        Assert.NotNull(p);
        Assert.Equal(8, p.Pgy1Positions);
        Assert.Contains(p.Facts, f => f.Fact == "graduation_year_limit" && f.Value == "5");
    }
}
