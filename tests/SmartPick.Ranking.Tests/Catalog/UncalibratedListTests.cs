using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Listing;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Tests.Catalog;

public sealed class UncalibratedListTests
{
    [Fact]
    public void TransitionalYear_HasNoCalibration_ButIsListedWithEligibility_MilitaryIneligibleLast()
    {
        var profile = TestData.Profile("Transitional Year", 240, ApplicantType.UsImg) with { Visa = VisaNeed.None };

        var result = UncalibratedList.Build(TestData.Model, profile, new RankQuery("Transitional Year", 2026, Region: "SD"));

        Assert.Null(TestData.Model.Calibration("Transitional Year"));
        Assert.True(UncalibratedList.Lists(TestData.Model, "Transitional Year"));
        Assert.False(UncalibratedList.Lists(TestData.Model, "Dermatology")); // NRMP has a curve; only our calibration lacks it
        Assert.Equal(2, result.ProgramsConsidered); // socal: 2 TY programs in San Diego
        Assert.Equal("9990500151", result.Programs[^1].Program.AcgmeId);
        Assert.Equal(EligibilityStatus.Ineligible, result.Programs[^1].Eligibility.Status);
        Assert.Contains("no NRMP Charting Outcomes curve", result.Note, StringComparison.Ordinal);
        Assert.Contains("11.9% of Transitional Year positions", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void PreliminaryMedicine_ListsTracksOfImPrograms_WithTheTracksOwnVisaRule()
    {
        var j1 = TestData.Profile("Preliminary Medicine", 240) with { Visa = VisaNeed.J1 };
        var h1b = j1 with { Visa = VisaNeed.H1B, Step3 = new Step3Info(true) };

        var forJ1 = UncalibratedList.Build(TestData.Model, j1, new RankQuery("Preliminary Medicine", 2026, Region: "SoCal"));
        var forH1b = UncalibratedList.Build(TestData.Model, h1b, new RankQuery("Preliminary Medicine", 2026, Region: "SoCal"));

        Assert.True(UncalibratedList.Lists(TestData.Model, "Preliminary Medicine"));
        Assert.All(forJ1.Programs, l => Assert.NotNull(l.Track));
        Assert.Contains(forJ1.Programs, l => l.Program.AcgmeId == "1400511040" && l.Track!.Track == "preliminary");
        Assert.NotEqual(EligibilityStatus.Ineligible, Assert.Single(forJ1.Programs, l => l.Program.AcgmeId == "1400531039").Eligibility.Status);
        Assert.Equal(EligibilityStatus.Ineligible, Assert.Single(forH1b.Programs, l => l.Program.AcgmeId == "1400531039").Eligibility.Status);
    }
}
