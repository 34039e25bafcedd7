using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Catalog.Socal;

namespace SmartPick.Ranking.Tests.Catalog;

/// <summary>Small socal tables written inline: one header per file, rows as CSV lines.</summary>
internal static class SocalFixture
{
    public const string ProgramsHeader = "program_id,track,specialty,name,city,state,region,list_name,list_url,list_date,retrieved_on,reliability,notes";
    public const string FactsHeader = "program_id,track,specialty,fact,value,source_name,source_url,source_date,retrieved_on,quote,reliability,notes";
    public const string UnverifiedHeader = "name,specialty,city,region,why_unverified,hint_url,noted_on";

    public static string Program(string id, string specialty, string track = "categorical", string region = "IE", string name = "Riverside Program") =>
        $"{id},{track},{specialty},{name},Riverside,CA,{region},Program website,https://program.example/,2025,2026-12-04,V,";

    public static string Fact(string id, string fact, string value, string track = "categorical", string specialty = "Family Medicine", string notes = "", string url = "https://program.example/apply") =>
        $"{id},{track},{specialty},{fact},{value},Program website: application requirements,{url},2025,2026-12-04,The page says so.,V,{notes}";

    public static (CsvTable Programs, CsvTable Facts, CsvTable Unverified) Tables(IEnumerable<string> programs, IEnumerable<string>? facts = null, IEnumerable<string>? unverified = null) => (
        Parse(SocalSchema.ProgramsFile, ProgramsHeader, programs, SocalSchema.ProgramColumns),
        Parse(SocalSchema.FactsFile, FactsHeader, facts ?? [], SocalSchema.FactColumns),
        Parse(SocalSchema.UnverifiedFile, UnverifiedHeader, unverified ?? [], SocalSchema.UnverifiedColumns));

    public static SocalCatalog Catalog(IEnumerable<string> programs, IEnumerable<string>? facts = null, IEnumerable<string>? unverified = null)
    {
        var (p, f, u) = Tables(programs, facts, unverified);
        var errors = SocalValidator.Validate(p, f, u);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return SocalCatalog.From(p, f, u);
    }

    private static CsvTable Parse(string file, string header, IEnumerable<string> rows, string[] columns) =>
        CsvTable.Parse(new StringReader(header + "\n" + string.Join("\n", rows)), file, columns);
}
