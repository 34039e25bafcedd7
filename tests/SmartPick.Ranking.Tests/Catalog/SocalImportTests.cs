using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Catalog.Socal;
using SmartPick.Ranking.Planning;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Tests.Catalog;

public sealed class SocalImportTests
{
    private const string Header = "program_id,track,specialty,name,city,state,region,source_url,reliability,quote,citizens_or_pr_only,visa_j1,visa_h1b,positions_per_year";
    private const string Source = "Valley Psychiatry residency website: eligibility";
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static ImportPlan Plan(TempKnowledge k, params string[] rows) =>
        SocalImport.Plan(k.Path, new StringReader(Header + "\n" + string.Join("\n", rows)), "new.csv", Source, "2026-11-30", Today);

    [Fact]
    public void GoodFile_DryRun_ReportsChangesAndWritesNothing()
    {
        using var k = new TempKnowledge();
        var before = File.ReadAllText(k.Socal("programs.csv"));

        var plan = Plan(k, "X-valley-psychiatry,,Psychiatry,Valley Psychiatry,Bakersfield,CA,CV,https://valley.example/eligibility,V,US citizens or permanent residents only.,true,false,false,6");

        Assert.True(plan.Ok, string.Join("\n", plan.Errors));
        Assert.Equal((1, 0, 4), (plan.ProgramsAdded, plan.ProgramsChanged, plan.FactsAdded));
        Assert.Contains("programs.csv: added X-valley-psychiatry + categorical (Psychiatry, Valley Psychiatry, CV)", plan.Changes);
        Assert.Equal(before, File.ReadAllText(k.Socal("programs.csv")));
    }

    [Fact]
    public void GoodFile_Written_KeepsEveryOtherLineAndPassesValidation()
    {
        using var k = new TempKnowledge();
        var before = File.ReadAllLines(k.Socal("facts.csv"));

        SocalImport.Write(Plan(k, "X-valley-psychiatry,,Psychiatry,Valley Psychiatry,Bakersfield,CA,CV,https://valley.example/eligibility,V,US citizens or permanent residents only.,true,,,"));

        var after = File.ReadAllLines(k.Socal("facts.csv"));
        Assert.Equal(before, after[..before.Length]);
        Assert.Single(after[before.Length..]);
        var (p, f, u) = SocalTables.Read(Path.Combine(k.Path, SocalSchema.Directory));
        Assert.Empty(SocalValidator.Validate(p, f, u));
    }

    [Fact]
    public void Written_ProvenanceKept_SourceDateUrlAndRetrievalDate()
    {
        using var k = new TempKnowledge();

        SocalImport.Write(Plan(k, "X-valley-psychiatry,,Psychiatry,Valley Psychiatry,Bakersfield,CA,CV,https://valley.example/eligibility,V,US citizens or permanent residents only.,true,,,"));

        var p = RankingModelLoader.Load(k.Path).Program("X-valley-psychiatry");
        Assert.NotNull(p);
        Assert.Equal((Source, "https://valley.example/eligibility", "2026-12-04", "2026-11-30"), (p.Provenance.Source, p.Provenance.SourceUrl, p.Provenance.RetrievedOn, p.Provenance.PublishedOn));
        var fact = Assert.Single(p.Facts);
        Assert.Equal(("citizens_or_pr_only", "US citizens or permanent residents only.", "2026-11-30"), (fact.Fact, fact.Quote, fact.Provenance.PublishedOn));
    }

    [Theory]
    [InlineData("1200500737,,Family Medicine,UCR FM,Palm Springs,CA,XX,https://x.example/,V,Quote.,,,,", 2, "region")]
    [InlineData("1200500737,,Family Medicine,UCR FM,Palm Springs,CA,IE,https://x.example/,V,Quote.,yes,,,", 2, "citizens_or_pr_only")]
    [InlineData("1200500737,,Family Medicine,UCR FM,Palm Springs,CA,IE,https://x.example/,V,,true,,,", 2, "quote")]
    [InlineData("1200500737,,Family Medicine,UCR FM,Palm Springs,CA,IE,https://x.example/,V,Quote.,,,,eight", 2, "positions_per_year")]
    [InlineData("12005007,,Family Medicine,UCR FM,Palm Springs,CA,IE,https://x.example/,V,Quote.,,,,", 2, "program_id")]
    [InlineData("1200500737,,Family Medicine,UCR FM,Palm Springs,CA,IE,not-a-url,V,Quote.,,,,", 2, "source_url")]
    [InlineData("1200500737,,Family Medicine,UCR FM,Palm Springs,CA,IE,https://x.example/,V,\"Quote.,,,,", 2, "#10")]
    public void MalformedRow_ErrorNamesFileRowAndColumn_NothingPlanned(string row, int line, string column)
    {
        using var k = new TempKnowledge();

        var plan = Plan(k, row);

        Assert.False(plan.Ok);
        Assert.Contains(plan.Errors, e => e.StartsWith($"new.csv: row {line}, column '{column}'", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => SocalImport.Write(plan));
    }

    [Fact]
    public void DuplicateIdAndTrackInTheFile_Rejected_OnTheSecondRow()
    {
        using var k = new TempKnowledge();
        const string Row = "X-valley-psychiatry,,Psychiatry,Valley Psychiatry,Bakersfield,CA,CV,https://valley.example/,V,,,,,";

        var plan = Plan(k, Row, Row);

        Assert.Contains("new.csv: row 3, column 'program_id': duplicate key X-valley-psychiatry + categorical", plan.Errors);
    }

    [Fact]
    public void UnknownColumn_Rejected_NamingIt()
    {
        using var k = new TempKnowledge();

        var plan = SocalImport.Plan(k.Path, new StringReader("program_id,specialty,name,state,region,source_url,visa_J1\n"), "new.csv", Source, "2026-11-30", Today);

        Assert.StartsWith("new.csv: row 1, column 'visa_J1': not an import column", Assert.Single(plan.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void PreliminaryTrack_MergesAsATrackOfTheImProgram_AndSharesItsId()
    {
        using var k = new TempKnowledge();

        var plan = Plan(k, "1400500002,,Preliminary Medicine,Riverside University Health System IM preliminary,Moreno Valley,CA,IE,https://ruhealth.example/prelim,V,Two preliminary positions.,,,,2");
        SocalImport.Write(plan);

        Assert.True(plan.Ok, string.Join("\n", plan.Errors));
        var model = RankingModelLoader.Load(k.Path);
        var track = Assert.Single(model.Program("1400500002")!.Tracks);
        Assert.Equal(("preliminary", 2), (track.Track, track.Positions));
    }

    [Fact]
    public void ExistingProgram_ChangedValue_ReportedAsChangedNotDuplicated()
    {
        using var k = new TempKnowledge();
        const string Url = "https://somfm.ucr.edu/application-requirements-and-process";
        var row = $"1200500737,,Family Medicine,University of California Riverside School of Medicine/Desert Regional Medical Center,Palm Springs,CA,IE,{Url},V,The program offers nine categorical positions per year.,,,,9";

        var plan = Plan(k, row);

        Assert.True(plan.Ok, string.Join("\n", plan.Errors));
        Assert.Equal((0, 1, 0, 1), (plan.ProgramsAdded, plan.ProgramsChanged, plan.FactsAdded, plan.FactsChanged));
        Assert.Contains(plan.Changes, c => c.StartsWith("facts.csv: changed 1200500737 + categorical positions_per_year: ", StringComparison.Ordinal) && c.Contains("value: '8' → '9'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Family Medicine", "X-valley-family-medicine")]
    [InlineData("Psychiatry", "X-valley-psychiatry")]
    public void EndToEnd_ImportedCitizensOnlyFact_MakesTheProgramIneligibleForAJ1Seeker_AsInIm(string specialty, string id)
    {
        using var k = new TempKnowledge();
        var plan = Plan(k, $"{id},,{specialty},Valley {specialty},Bakersfield,CA,CV,https://valley.example/eligibility,V,US citizens or permanent residents only.,true,,,");
        Assert.True(plan.Ok, string.Join("\n", plan.Errors));
        SocalImport.Write(plan);
        var engine = new RankingEngine(RankingModelLoader.Load(k.Path));
        var j1 = TestData.Profile(specialty, 240) with { Visa = VisaNeed.J1 };
        var citizen = TestData.Profile(specialty, 240, ApplicantType.UsImg) with { Visa = VisaNeed.None };

        var forJ1 = Assert.Single(engine.Rank(j1, new RankQuery(specialty, 2026, Region: "CV")).Programs, p => p.Program.AcgmeId == id);
        var forCitizen = Assert.Single(engine.Rank(citizen, new RankQuery(specialty, 2026, Region: "CV")).Programs, p => p.Program.AcgmeId == id);
        var im = Assert.Single(engine.Rank(j1 with { Specialties = ["Internal Medicine"] }, new RankQuery("Internal Medicine", 2026, Region: "IE")).Programs, p => p.Program.AcgmeId == "1400500927");

        Assert.Equal(Tier.Ineligible, forJ1.Tier);
        Assert.Contains(forJ1.Eligibility.Reasons, r => r.Rule == nameof(RuleKind.CitizensOrPermanentResidentsOnly) && r.SourceUrl == "https://valley.example/eligibility");
        Assert.NotEqual(Tier.Ineligible, forCitizen.Tier);
        Assert.Equal(Tier.Ineligible, im.Tier); // the IM program whose site states the same rule (program-rules.csv)
        Assert.Contains(im.Eligibility.Reasons, r => r.Rule == nameof(RuleKind.CitizensOrPermanentResidentsOnly));
    }
}
