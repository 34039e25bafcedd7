namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>Writes one RFC 4180 record (quotes only where needed), the inverse of <see cref="CsvTable"/>'s reader.</summary>
public static class CsvText
{
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    private static string Cell(string? value)
    {
        var v = value ?? string.Empty;
        return v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal) || v.Contains('\n', StringComparison.Ordinal) || v.Trim() != v
            ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : v;
    }
}
