using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Catalog.Socal;

namespace SmartPick.Ranking.Tests.Catalog;

public sealed class SocalValidatorTests
{
    private static string SocalDirectory => Path.Combine(TestData.KnowledgeDirectory, SocalSchema.Directory);

    [Fact]
    public void CommittedSocalCatalog_PassesEveryCheck()
    {
        var (programs, facts, unverified) = SocalTables.Read(SocalDirectory);

        var errors = SocalValidator.Validate(programs, facts, unverified);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void CommittedSocalCatalog_CoverageTableMatchesItsReadme()
    {
        var socal = SocalCatalog.Load(SocalDirectory);
        var model = TestData.Model;
        using var rules = new StreamReader(Path.Combine(TestData.KnowledgeDirectory, RankingModelLoader.RulesFile));
        using var catalog = new StreamReader(Path.Combine(TestData.KnowledgeDirectory, RankingModelLoader.CatalogFile));

        var table = CatalogCoverage.Compute(socal, CatalogLoader.Load(catalog, "catalog.csv"), RuleLoader.Load(rules, "program-rules.csv")).ToMarkdown();

        var readme = File.ReadAllText(Path.Combine(SocalDirectory, "README.md")).ReplaceLineEndings("\n");
        Assert.NotNull(model);
        Assert.Contains(table.ReplaceLineEndings("\n"), readme, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> BadRows => new()
    {
        { "a 9-digit id", SocalFixture.Program("120050073", "Family Medicine"), "", "program_id" },
        { "an X- id with capitals", SocalFixture.Program("X-UCR-FM", "Family Medicine"), "", "program_id" },
        { "an unknown track", SocalFixture.Program("1200500737", "Family Medicine", track: "primary"), "", "track" },
        { "ACGME digits of another specialty", SocalFixture.Program("4000500315", "Family Medicine"), "", "program_id" },
        { "Preliminary Medicine without a preliminary track", SocalFixture.Program("1400500002", "Preliminary Medicine"), "", "track" },
        { "a region outside the six", SocalFixture.Program("1200500737", "Family Medicine", region: "SF"), "", "region" },
        { "a visa value outside the vocabulary", SocalFixture.Program("1200500737", "Family Medicine"), SocalFixture.Fact("1200500737", "visa_j1", "maybe"), "value" },
        { "a fact of a program not listed", SocalFixture.Program("1200500737", "Family Medicine"), SocalFixture.Fact("1200500999", "visa_j1", "true"), "program_id" },
        { "a graduation limit that is not a number", SocalFixture.Program("1200500737", "Family Medicine"), SocalFixture.Fact("1200500737", "graduation_year_limit", "five"), "value" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Validate_BadRow_NamesFileRowAndColumn(string because, string programRow, string factRow, string column)
    {
        var (p, f, u) = SocalFixture.Tables([programRow], factRow.Length > 0 ? [factRow] : []);

        var errors = SocalValidator.Validate(p, f, u);

        var file = factRow.Length > 0 && column != "region" ? SocalSchema.FactsFile : SocalSchema.ProgramsFile;
        Assert.True(errors.Any(e => e.StartsWith($"{file}: row 2, column '{column}'", StringComparison.Ordinal)), because + ": " + string.Join("; ", errors));
    }

    [Fact]
    public void Validate_DuplicateIdAndTrack_Rejected()
    {
        var row = SocalFixture.Program("1200500737", "Family Medicine");
        var (p, f, u) = SocalFixture.Tables([row, row]);

        var errors = SocalValidator.Validate(p, f, u);

        Assert.Contains("programs.csv: row 3, column 'program_id': duplicate key 1200500737 + categorical", errors);
    }

    [Fact]
    public void Validate_PreliminaryTrackSharingTheImId_IsNotADuplicate()
    {
        var (p, f, u) = SocalFixture.Tables([SocalFixture.Program("1400511040", "Internal Medicine"), SocalFixture.Program("1400511040", "Preliminary Medicine", track: "preliminary")]);

        Assert.Empty(SocalValidator.Validate(p, f, u));
    }

    [Fact]
    public void LocalId_AcceptedForAnySpecialty_AndHasNoSpecialtyDigits()
    {
        var (p, f, u) = SocalFixture.Tables([SocalFixture.Program("X-ruhs-psychiatry", "Psychiatry"), SocalFixture.Program("X-ruhs-neurology", "Neurology")]);

        Assert.Empty(SocalValidator.Validate(p, f, u));
        Assert.Null(ProgramIds.SpecialtyCode("X-ruhs-psychiatry"));
        Assert.False(ProgramIds.IsAcgme("X-1400500002"));
    }
}
