using System.Globalization;
using System.Text;

namespace SmartPick.Ranking.Catalog;

/// <summary>A small RFC 4180 reader (quoted fields, doubled quotes; one record per line) with typed, located errors.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, Dictionary<string, int> columns, List<(int Row, string[] Cells)> rows)
    {
        File = file;
        _columns = columns;
        Rows = rows.Select(r => new CsvRow(this, r.Row, r.Cells)).ToList();
    }

    public string File { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The header's column names, in file order.</summary>
    public IReadOnlyList<string> Columns => [.. _columns.OrderBy(c => c.Value).Select(c => c.Key)];

    public static CsvTable Parse(TextReader reader, string file, IEnumerable<string> requiredColumns)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw CatalogFormatException.At(file, 1, "(header)", "file is empty");
        var names = Split(header, file, 1);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            columns[names[i].Trim()] = i;
        }

        foreach (var required in requiredColumns.Where(c => !columns.ContainsKey(c)))
        {
            throw CatalogFormatException.At(file, 1, required, "required column is missing from the header");
        }

        var rows = new List<(int, string[])>();
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = Split(line, file, lineNo);
            if (cells.Length != names.Length)
            {
                throw CatalogFormatException.At(file, lineNo, "(row)", $"has {cells.Length} fields, header has {names.Length}");
            }

            rows.Add((lineNo, cells));
        }

        return new CsvTable(file, columns, rows);
    }

    internal int Index(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    private static string[] Split(string line, string file, int row)
    {
        var cells = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"' && sb.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        if (quoted)
        {
            throw CatalogFormatException.At(file, row, $"#{cells.Count + 1}", "unterminated quoted field");
        }

        cells.Add(sb.ToString());
        return [.. cells];
    }
}

/// <summary>One data row; typed getters throw <see cref="CatalogFormatException"/> naming file, row and column.</summary>
public sealed class CsvRow(CsvTable table, int row, string[] cells)
{
    public int Row { get; } = row;

    public string? Text(string column)
    {
        var i = table.Index(column);
        if (i < 0)
        {
            return null;
        }

        var v = cells[i].Trim();
        return v.Length == 0 ? null : v;
    }

    public string Required(string column) => Text(column) ?? throw Fail(column, "value is required");

    public double? Real(string column, double min, double max)
    {
        var s = Text(column);
        if (s is null)
        {
            return null;
        }

        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || double.IsNaN(v))
        {
            throw Fail(column, $"'{s}' is not a number");
        }

        return v < min || v > max ? throw Fail(column, $"{s} is outside {min}–{max}") : v;
    }

    public int? WholeNumber(string column, int min, int max)
    {
        var v = Real(column, min, max);
        return v is null ? null : v % 1 == 0 ? (int)v : throw Fail(column, $"{v} is not a whole number");
    }

    public bool? Boolean(string column)
    {
        var s = Text(column);
        return s?.ToUpperInvariant() switch
        {
            null => null,
            "TRUE" or "YES" => true,
            "FALSE" or "NO" => false,
            _ => throw Fail(column, $"'{s}' is not true/false"),
        };
    }

    public CatalogFormatException Fail(string column, string problem) => CatalogFormatException.At(table.File, Row, column, problem);
}
