using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Tests.Catalog;

public sealed class SocalCatalogTests
{
    private static readonly Provenance Listing2018 = new("ACGME program listing 2018-19", "https://github.com/nmacklin/MactionCreations", "2019-01-20");

    private static ProgramRecord LocationOnly(string id, string specialty) => new()
    {
        AcgmeId = id, Specialty = specialty, Name = "Old name 2018", City = "Palm Springs", State = "CA", Region = "IE", Provenance = Listing2018,
    };

    [Fact]
    public void Apply_SocalRow_SupersedesTheLocationOnlyRowOfTheSameProgram()
    {
        var socal = SocalFixture.Catalog([SocalFixture.Program("1200500737", "Family Medicine", name: "UCR SOM/Desert Regional")]);

        var (programs, _) = socal.Apply([LocationOnly("1200500737", "Family Medicine")], []);

        var p = Assert.Single(programs);
        Assert.Equal("UCR SOM/Desert Regional", p.Name);
        Assert.Equal("https://program.example/", p.Provenance.SourceUrl);
    }

    [Fact]
    public void Apply_FreidaProgram_KeepsFreidaFields_StatedVisaPolicyReplacesFreidas()
    {
        var freida = TestData.Program("1400512042", visas: VisaSupport.J1 | VisaSupport.H1B, pctImg: 40);
        var socal = SocalFixture.Catalog(
            [SocalFixture.Program("1400512042", "Internal Medicine")],
            [SocalFixture.Fact("1400512042", "visa_j1", "false", specialty: "Internal Medicine"), SocalFixture.Fact("1400512042", "visa_h1b", "false", specialty: "Internal Medicine")]);

        var (programs, rules) = socal.Apply([freida], []);

        var p = Assert.Single(programs);
        Assert.Equal(40, p.PctImg);
        Assert.Equal("Test Program", p.Name);
        Assert.Equal(VisaSupport.None, p.Visas);
        var rule = Assert.Single(rules);
        Assert.Equal((RuleKind.VisaAllowed, ProgramRule.NoVisas, true), (rule.Kind, rule.Value, rule.Hard));
        Assert.Equal("https://program.example/apply", rule.Provenance.SourceUrl);
    }

    [Fact]
    public void Apply_PreliminaryRow_BecomesATrackOfTheImProgram_NotADuplicate()
    {
        var socal = SocalFixture.Catalog(
            [SocalFixture.Program("1400511040", "Preliminary Medicine", track: "preliminary")],
            [SocalFixture.Fact("1400511040", "step2_min", "230", track: "preliminary", specialty: "Preliminary Medicine")]);

        var (programs, rules) = socal.Apply([TestData.Program("1400511040")], []);

        var p = Assert.Single(programs);
        Assert.Equal("Internal Medicine", p.Specialty);
        var track = Assert.Single(p.Tracks);
        Assert.Equal(("preliminary", "Preliminary Medicine"), (track.Track, track.Specialty));
        Assert.Equal(RuleKind.MinScore, Assert.Single(track.Rules).Kind);
        Assert.Empty(rules); // a track's rule never applies to the categorical program
    }

    [Fact]
    public void Apply_PreliminaryRowWithoutItsImProgram_FailsNamingTheRow()
    {
        var socal = SocalFixture.Catalog([SocalFixture.Program("1400599999", "Preliminary Medicine", track: "preliminary")]);

        var ex = Assert.Throws<CatalogFormatException>(() => socal.Apply([], []));

        Assert.StartsWith("programs.csv: row 2, column 'program_id'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_LocalIdProgram_IsAddedWithItsFacts()
    {
        var socal = SocalFixture.Catalog(
            [SocalFixture.Program("X-ruhs-psychiatry", "Psychiatry")],
            [SocalFixture.Fact("X-ruhs-psychiatry", "positions_per_year", "2-3", specialty: "Psychiatry")]);

        var (programs, _) = socal.Apply([], []);

        var p = Assert.Single(programs);
        Assert.Equal(("X-ruhs-psychiatry", "Psychiatry", 2), (p.AcgmeId, p.Specialty, p.Pgy1Positions));
        Assert.Equal("2025", Assert.Single(p.Facts).Provenance.PublishedOn);
    }

    public static TheoryData<string, string, string, ApplicantFacts, EligibilityStatus> RuleCases => new()
    {
        { "citizens/PR only, J-1 seeker", "citizens_or_pr_only", "true", Applicant(VisaNeed.J1), EligibilityStatus.Ineligible },
        { "citizens/PR only, green card holder", "citizens_or_pr_only", "true", Applicant(VisaNeed.None), EligibilityStatus.Eligible },
        { "graduated 6 years ago, limit 5", "graduation_year_limit", "5", Applicant(VisaNeed.None, yearsSince: 6), EligibilityStatus.Ineligible },
        { "one failure, Step 1 ≤ 1 and Step 2 CK ≤ 0", "attempts_policy", "step1_max_failures=1;step2ck_max_failures=0", Applicant(VisaNeed.None, failures: 1), EligibilityStatus.Eligible },
        { "two failures, Step 1 ≤ 1 and Step 2 CK ≤ 0", "attempts_policy", "step1_max_failures=1;step2ck_max_failures=0", Applicant(VisaNeed.None, failures: 2), EligibilityStatus.Ineligible },
        { "Step 2 CK 215 under a stated 220 minimum", "step2_min", "220", Applicant(VisaNeed.None, step2: 215), EligibilityStatus.Ineligible },
        { "Step 2 CK 200 where 210 is only recommended", "step2_recommended", "210", Applicant(VisaNeed.None, step2: 200), EligibilityStatus.Eligible },
        { "page says no minimum", "step2_min", "none", Applicant(VisaNeed.None, step2: 200), EligibilityStatus.Eligible },
    };

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Apply_StatedFact_DecidesEligibilityLikeTheImRules(string because, string fact, string value, ApplicantFacts applicant, EligibilityStatus expected)
    {
        var socal = SocalFixture.Catalog([SocalFixture.Program("1200500737", "Family Medicine")], [SocalFixture.Fact("1200500737", fact, value)]);

        var (programs, rules) = socal.Apply([], []);

        Assert.True(expected == EligibilityChecker.Check(applicant, programs[0], rules).Status, because);
    }

    [Fact]
    public void Apply_LimitWithAStatedException_IsSoft()
    {
        var socal = SocalFixture.Catalog(
            [SocalFixture.Program("1200500736", "Family Medicine")],
            [SocalFixture.Fact("1200500736", "graduation_year_limit", "5", notes: "minimum screening requirement; exception for 2 years of clinical practice")]);

        var (programs, rules) = socal.Apply([], []);

        Assert.False(Assert.Single(rules).Hard);
        Assert.Equal(EligibilityStatus.Eligible, EligibilityChecker.Check(Applicant(VisaNeed.None, yearsSince: 9), programs[0], rules).Status);
    }

    [Fact]
    public void Apply_VisaStatedJ1YesH1bTransfersOnly_NewH1bSeekerIneligible_J1SeekerEligible()
    {
        var socal = SocalFixture.Catalog(
            [SocalFixture.Program("1200500734", "Family Medicine")],
            [SocalFixture.Fact("1200500734", "visa_j1", "true"), SocalFixture.Fact("1200500734", "visa_h1b", "transfer_only")]);

        var (programs, rules) = socal.Apply([], []);

        Assert.Equal(EligibilityStatus.Eligible, EligibilityChecker.Check(Applicant(VisaNeed.J1), programs[0], rules).Status);
        Assert.Equal(EligibilityStatus.Ineligible, EligibilityChecker.Check(Applicant(VisaNeed.H1B) with { Step3Passed = true }, programs[0], rules).Status);
    }

    [Fact]
    public void Apply_OnlyOneVisaStated_VisaPolicyStaysNotReported()
    {
        var socal = SocalFixture.Catalog([SocalFixture.Program("1200500734", "Family Medicine")], [SocalFixture.Fact("1200500734", "visa_j1", "true")]);

        var (programs, rules) = socal.Apply([], []);

        Assert.Null(programs[0].Visas);
        Assert.Empty(rules);
    }

    [Fact]
    public void Load_CommittedCatalog_UnverifiedProgramsAreNeverRanked()
    {
        var model = TestData.Model;
        var socal = Ranking.Catalog.Socal.SocalCatalog.Load(Path.Combine(TestData.KnowledgeDirectory, Ranking.Catalog.Socal.SocalSchema.Directory));

        Assert.NotEmpty(socal.Unverified);
        Assert.DoesNotContain(model.Programs, p => socal.Unverified.Any(u => u.Name == p.Name && u.Specialty == p.Specialty));
    }

    private static ApplicantFacts Applicant(VisaNeed? visa, int yearsSince = 2, int failures = 0, int step2 = 240) => new(visa, failures, true, yearsSince, step2, null);
}
