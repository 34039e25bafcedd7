using System.Text;
using System.Text.RegularExpressions;

namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>One import row as a programs.csv row and its facts.csv rows (cells in the files' column order).</summary>
public sealed record ImportRow(int Row, string[] Program, IReadOnlyList<(string Column, string[] Cells)> Facts);

/// <summary>Turns import rows into socal rows and validates them, reporting problems at the import file's row and column.</summary>
public static partial class ImportRows
{
    public static IReadOnlyList<ImportRow> From(CsvTable table, string source, string date, string today, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(errors);
        var factColumns = table.Columns.Where(SocalSchema.Facts.Contains).ToList();
        var rows = new List<ImportRow>();
        foreach (var r in table.Rows)
        {
            string Cell(string c) => r.Text(c) ?? string.Empty;
            var specialty = Cell("specialty");
            var track = r.Text("track") ?? DefaultTrack(specialty);
            var reliability = r.Text("reliability") ?? "S";
            var program = new[] { Cell("program_id"), track, specialty, Cell("name"), Cell("city"), Cell("state"), Cell("region"), source, Cell("source_url"), date, today, reliability, Cell("notes") };
            var facts = factColumns.Where(c => r.Text(c) is not null)
                .Select(c => (c, new[] { program[0], track, specialty, c, Cell(c), source, Cell("source_url"), date, today, Cell("quote"), reliability, Cell("notes") }))
                .ToList();
            if (facts.Count > 0 && r.Text("quote") is null)
            {
                errors.Add(r.Fail("quote", "a row with facts needs a quote: 1-25 words as the source states them").Message);
            }

            rows.Add(new ImportRow(r.Row, program, facts));
        }

        return rows;
    }

    /// <summary>The socal checks on the import rows alone, each problem named by the import file's row and column.</summary>
    public static IEnumerable<string> Validate(IReadOnlyList<ImportRow> rows, string file)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var programs = new StringBuilder(string.Join(',', SocalSchema.ProgramColumns)).Append('\n');
        var facts = new StringBuilder(string.Join(',', SocalSchema.FactColumns)).Append('\n');
        var factOrigin = new List<(int Row, string Column)>();
        foreach (var row in rows)
        {
            programs.Append(CsvText.Line(row.Program)).Append('\n');
            foreach (var (column, cells) in row.Facts)
            {
                facts.Append(CsvText.Line(cells)).Append('\n');
                factOrigin.Add((row.Row, column));
            }
        }

        var p = CsvTable.Parse(new StringReader(programs.ToString()), SocalSchema.ProgramsFile, SocalSchema.ProgramColumns);
        var f = CsvTable.Parse(new StringReader(facts.ToString()), SocalSchema.FactsFile, SocalSchema.FactColumns);
        var u = CsvTable.Parse(new StringReader(string.Join(',', SocalSchema.UnverifiedColumns)), SocalSchema.UnverifiedFile, SocalSchema.UnverifiedColumns);
        foreach (var error in SocalValidator.Validate(p, f, u))
        {
            var m = Located().Match(error);
            var (line, column, problem) = (int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[3].Value, m.Groups[4].Value);
            if (m.Groups[1].Value == SocalSchema.ProgramsFile)
            {
                yield return CatalogFormatException.At(file, rows[line - 2].Row, ProgramColumn(column), problem).Message;
            }
            else
            {
                var (row, factColumn) = factOrigin[line - 2];
                yield return CatalogFormatException.At(file, row, column is "value" or "fact" ? factColumn : column, problem).Message;
            }
        }
    }

    private static string DefaultTrack(string specialty) => specialty switch
    {
        "Transitional Year" => "transitional",
        SocalSchema.PreliminaryMedicine => "preliminary",
        _ => "categorical",
    };

    private static string ProgramColumn(string column) => column switch
    {
        "list_url" => "source_url",
        "list_name" => "--source",
        "list_date" => "--date",
        _ => column,
    };

    [GeneratedRegex(@"^(.+?): row (\d+), column '([^']*)': (.*)$", RegexOptions.Singleline)]
    private static partial Regex Located();
}
