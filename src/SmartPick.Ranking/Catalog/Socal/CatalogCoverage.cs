using System.Text;

namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>Counts for one specialty × region cell of the coverage report.</summary>
public sealed record CoverageCell(int Listed, int WithFact, int VisaKnown, int Unverified);

/// <summary>
/// The coverage report per specialty × region (same counts as validate.py): programs listed, with at least one fact
/// beyond location, with visa policy known, known but unverified. IM counts include FREIDA fields of the national
/// catalog and the stated rules of program-rules.csv.
/// </summary>
public sealed class CatalogCoverage
{
    private readonly Dictionary<(string Specialty, string Region), CoverageCell> _cells;

    private CatalogCoverage(Dictionary<(string, string), CoverageCell> cells) => _cells = cells;

    public CoverageCell this[string specialty, string region] => _cells.GetValueOrDefault((specialty, region), new CoverageCell(0, 0, 0, 0));

    public CoverageCell Total(string specialty) => Regions.Codes.Select(r => this[specialty, r]).Aggregate(
        new CoverageCell(0, 0, 0, 0), (a, c) => new(a.Listed + c.Listed, a.WithFact + c.WithFact, a.VisaKnown + c.VisaKnown, a.Unverified + c.Unverified));

    public static CatalogCoverage Compute(SocalCatalog socal, IReadOnlyList<ProgramRecord> catalog, IReadOnlyList<ProgramRule> rules)
    {
        ArgumentNullException.ThrowIfNull(socal);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(rules);
        var freida = catalog.Where(p => p.Specialty == "Internal Medicine" && p.Region is not null).ToDictionary(p => p.AcgmeId, StringComparer.Ordinal);
        var anyOutside = new HashSet<string>(freida.Values.Where(p => p.Pgy1Positions is not null || p.PctImg is not null || p.Visas is not null || p.InterviewsLastYear is not null).Select(p => p.AcgmeId), StringComparer.Ordinal);
        var visaOutside = new HashSet<string>(freida.Values.Where(p => p.Visas is not null).Select(p => p.AcgmeId), StringComparer.Ordinal);
        anyOutside.UnionWith(rules.Select(r => r.AcgmeId));
        visaOutside.UnionWith(rules.Where(r => r.Kind is RuleKind.VisaAllowed or RuleKind.CitizensOrPermanentResidentsOnly).Select(r => r.AcgmeId));

        var cells = new Dictionary<(string, string), CoverageCell>();
        foreach (var g in socal.Rows.GroupBy(r => (r.Specialty, r.Region)))
        {
            cells[g.Key] = new(
                g.Count(),
                g.Count(r => r.Facts.Count > 0 || (r.Track == "categorical" && anyOutside.Contains(r.ProgramId))),
                g.Count(r => r.Facts.Any(f => SocalSchema.VisaFacts.Contains(f.Fact)) || (r.Track == "categorical" && visaOutside.Contains(r.ProgramId))),
                0);
        }

        foreach (var g in socal.Unverified.Where(u => u.Region is not null).GroupBy(u => (u.Specialty, u.Region!)))
        {
            cells[g.Key] = cells.GetValueOrDefault(g.Key, new CoverageCell(0, 0, 0, 0)) with { Unverified = g.Count() };
        }

        return new CatalogCoverage(cells);
    }

    /// <summary>The Markdown table of the coverage report (cells: listed / with fact / visa known / unverified).</summary>
    public string ToMarkdown()
    {
        static string Cell(CoverageCell c) => $"{c.Listed} / {c.WithFact} / {c.VisaKnown} / {c.Unverified}";
        var sb = new StringBuilder();
        sb.Append("| Specialty | ").Append(string.Join(" | ", Regions.Codes)).AppendLine(" | Total |");
        sb.Append("|---|").Append(string.Concat(Enumerable.Repeat("---|", Regions.Codes.Count + 1))).AppendLine();
        foreach (var specialty in SocalSchema.SpecialtyOrder)
        {
            sb.Append("| ").Append(specialty).Append(" | ")
              .Append(string.Join(" | ", Regions.Codes.Select(r => Cell(this[specialty, r]))))
              .Append(" | ").Append(Cell(Total(specialty))).AppendLine(" |");
        }

        return sb.ToString();
    }
}
