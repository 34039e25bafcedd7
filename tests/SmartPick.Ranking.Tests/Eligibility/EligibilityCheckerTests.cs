using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Tests.Eligibility;

public sealed class EligibilityCheckerTests
{
    private static readonly Provenance Site = new("Program website", "https://program.example/apply", "2026-11-26");

    public static TheoryData<string, VisaNeed?, VisaSupport?, EligibilityStatus, string?> VisaCases => new()
    {
        { "J-1 seeker, program lists J-1", VisaNeed.J1, VisaSupport.J1, EligibilityStatus.Eligible, null },
        { "J-1 seeker, FREIDA visa blank", VisaNeed.J1, null, EligibilityStatus.Unverified, "VisaNotReported" },
        { "J-1 seeker, program lists H-1B only", VisaNeed.J1, VisaSupport.H1B, EligibilityStatus.Ineligible, "VisaNotSponsored" },
        { "H-1B seeker, program lists J-1 only", VisaNeed.H1B, VisaSupport.J1, EligibilityStatus.Ineligible, "VisaNotSponsored" },
        { "No visa needed, program lists nothing", VisaNeed.None, VisaSupport.None, EligibilityStatus.Eligible, null },
        { "Visa need unknown, blank field", null, null, EligibilityStatus.Eligible, null },
    };

    [Theory]
    [MemberData(nameof(VisaCases))]
    public void Check_FreidaVisaField_AppliesVisaRule(string because, VisaNeed? need, VisaSupport? visas, EligibilityStatus expected, string? rule)
    {
        var facts = new ApplicantFacts(need, 0, true, 2, 235, true);

        var result = EligibilityChecker.Check(facts, TestData.Program(visas: visas), []);

        Assert.True(expected == result.Status, because);
        if (rule is not null)
        {
            var reason = Assert.Single(result.Reasons, r => r.Rule == rule);
            Assert.Contains("Test FREIDA row", reason.Source, StringComparison.Ordinal);
            Assert.Equal("https://freida.ama-assn.org/", reason.SourceUrl);
        }
    }

    [Theory]
    [InlineData(false, EligibilityStatus.Ineligible)]
    [InlineData(null, EligibilityStatus.Unverified)]
    [InlineData(true, EligibilityStatus.Eligible)]
    public void Check_H1bSeeker_NeedsStep3Passed(bool? step3, EligibilityStatus expected)
    {
        var facts = new ApplicantFacts(VisaNeed.H1B, 0, true, 2, 235, step3);

        var result = EligibilityChecker.Check(facts, TestData.Program(visas: VisaSupport.J1 | VisaSupport.H1B), []);

        Assert.Equal(expected, result.Status);
        if (expected != EligibilityStatus.Eligible)
        {
            Assert.Equal(EligibilityChecker.H1bLawUrl, Assert.Single(result.Reasons).SourceUrl);
        }
    }

    [Theory]
    [InlineData(RuleKind.CitizensOrPermanentResidentsOnly, null, VisaNeed.J1, EligibilityStatus.Ineligible)]
    [InlineData(RuleKind.CitizensOrPermanentResidentsOnly, null, VisaNeed.None, EligibilityStatus.Eligible)]
    [InlineData(RuleKind.CitizensOrPermanentResidentsOnly, null, null, EligibilityStatus.Unverified)]
    [InlineData(RuleKind.VisaAllowed, "J1", VisaNeed.H1B, EligibilityStatus.Ineligible)]
    [InlineData(RuleKind.VisaAllowed, "J1", VisaNeed.J1, EligibilityStatus.Eligible)]
    public void Check_StatedVisaRule_OverridesFreida(RuleKind kind, string? value, VisaNeed? need, EligibilityStatus expected)
    {
        var facts = new ApplicantFacts(need, 0, true, 2, 235, true);
        var rule = new ProgramRule("1400500999", kind, value, true, "stated", Site);

        var result = EligibilityChecker.Check(facts, TestData.Program(visas: VisaSupport.J1 | VisaSupport.H1B), [rule]);

        Assert.Equal(expected, result.Status);
        Assert.All(result.Reasons, r => Assert.Equal(Site.SourceUrl, r.SourceUrl));
    }

    [Theory]
    [InlineData(RuleKind.MaxYearsSinceGraduation, "3", 4, EligibilityStatus.Ineligible)]
    [InlineData(RuleKind.MaxYearsSinceGraduation, "3", 3, EligibilityStatus.Eligible)]
    [InlineData(RuleKind.MaxYearsSinceGraduation, "3", null, EligibilityStatus.Unverified)]
    public void Check_GraduationLimit(RuleKind kind, string value, int? years, EligibilityStatus expected)
    {
        var facts = new ApplicantFacts(VisaNeed.None, 0, true, years, 235, null);

        var result = EligibilityChecker.Check(facts, TestData.Program(), [new ProgramRule("1400500999", kind, value, true, "within 3 years", Site)]);

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData(RuleKind.FirstAttemptsOnly, null, 1, true, EligibilityStatus.Ineligible)]
    [InlineData(RuleKind.FirstAttemptsOnly, null, 0, true, EligibilityStatus.Eligible)]
    [InlineData(RuleKind.FirstAttemptsOnly, null, null, false, EligibilityStatus.Unverified)]
    [InlineData(RuleKind.MaxFailures, "1", 2, true, EligibilityStatus.Ineligible)]
    [InlineData(RuleKind.MaxFailures, "1", 1, true, EligibilityStatus.Eligible)]
    public void Check_AttemptLimits(RuleKind kind, string? value, int? failures, bool complete, EligibilityStatus expected)
    {
        var facts = new ApplicantFacts(VisaNeed.None, failures, complete, 1, 235, null);

        var result = EligibilityChecker.Check(facts, TestData.Program(), [new ProgramRule("1400500999", kind, value, true, "attempts", Site)]);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Check_SoftRule_NeverExcludes()
    {
        var facts = new ApplicantFacts(VisaNeed.None, 3, true, 12, 200, null);

        var result = EligibilityChecker.Check(facts, TestData.Program(), [new ProgramRule("1400500999", RuleKind.MinScore, "220", false, "220+", Site)]);

        Assert.Equal(EligibilityStatus.Eligible, result.Status);
    }

    [Fact]
    public void Check_NotAcceptingApplications_Ineligible()
    {
        var program = TestData.Program() with { AcceptingApplications = false };

        var result = EligibilityChecker.Check(new ApplicantFacts(VisaNeed.None, 0, true, 1, 240, null), program, []);

        Assert.Equal("NotAcceptingApplications", Assert.Single(result.Reasons).Rule);
    }

    [Fact]
    public void RepositoryRules_SouthwestHealthcare_ExcludesJ1SeekerWithWebsiteSource()
    {
        var profile = TestData.Profile() with { Visa = VisaNeed.J1 };
        var result = TestData.Engine.Rank(profile, new RankQuery("Internal Medicine", 2026, Region: "IE"));

        var southwest = Assert.Single(result.Programs, p => p.Program.AcgmeId == "1400500927");

        Assert.Equal(EligibilityStatus.Ineligible, southwest.Eligibility.Status);
        Assert.Contains(southwest.Eligibility.Reasons, r => r.Rule == "CitizensOrPermanentResidentsOnly" && r.SourceUrl.Contains("socalresidency.com", StringComparison.Ordinal));
    }

    [Fact]
    public void ApplicantFacts_CountsFailuresFromBothSteps()
    {
        var profile = TestData.Profile() with { Step1 = new Step1Info(Step1Result.Pass, null, 2), Step2ck = new Step2Info(230, 2) };

        var facts = ApplicantFacts.From(profile, 2026);

        Assert.Equal(2, facts.FailuresKnown);
        Assert.True(facts.FailuresComplete);
    }
}
