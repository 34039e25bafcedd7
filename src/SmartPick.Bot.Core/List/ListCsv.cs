using System.Globalization;
using System.Text;

namespace SmartPick.Bot.Core.List;

/// <summary>
/// The list as CSV (RFC 4180, UTF-8 with BOM so Excel reads accents) for pasting into a spreadsheet. Cells that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) are prefixed with an apostrophe.
/// </summary>
public static class ListCsv
{
    public const string FileName = "smartpick-list.csv";
    public const string MediaType = "text/csv";

    private static readonly string[] Header =
    [
        "acgme_id", "name", "city", "state", "specialty", "interview_chance", "tier", "eligibility", "eligibility_notes",
        "visas", "website", "source", "source_url", "source_date", "added_on",
    ];

    public static byte[] Build(IEnumerable<ListRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        Line(sb, Header);
        foreach (var row in rows)
        {
            var p = row.Program;
            var v = row.Verdict;
            Line(sb,
            [
                row.Entry.ProgramId, row.Name, p?.City ?? string.Empty, p?.State ?? string.Empty, row.Entry.Track,
                v?.Chance is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty,
                v?.Tier ?? string.Empty, v?.Eligibility ?? string.Empty, v is null ? string.Empty : string.Join("; ", v.EligibilityNotes),
                row.VisaText, p?.Website ?? string.Empty, row.Choice?.Provenance.Source ?? string.Empty, row.Choice?.Provenance.SourceUrl ?? string.Empty,
                row.Choice?.Provenance.RetrievedOn ?? string.Empty, row.Entry.AddedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>One cell, neutralised against formula injection and quoted when needed.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 || safe != safe.Trim()
            ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : safe;
    }

    private static void Line(StringBuilder sb, IEnumerable<string> cells) =>
        sb.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
