using System.Text;

namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>
/// A socal CSV file being merged into: rows are replaced in place or appended, every other line stays byte for byte.
/// </summary>
internal sealed class MergedFile
{
    private readonly List<string> _lines;
    private readonly string[] _columns;
    private readonly Func<string[], (string, string)> _key;
    private readonly Dictionary<(string, string), int> _index = [];

    public MergedFile(string path, string[] columns, Func<string[], (string, string)> key)
    {
        _columns = columns;
        _key = key;
        _lines = [.. File.ReadAllLines(path)];
        using var reader = new StringReader(string.Join('\n', _lines));
        foreach (var row in CsvTable.Parse(reader, Path.GetFileName(path), columns).Rows)
        {
            _index[key(Cells(row))] = row.Row - 1;
        }
    }

    public enum Outcome
    {
        Added,
        Changed,
        Unchanged,
    }

    public string Text => string.Join('\n', _lines) + "\n";

    public Outcome Upsert(string[] cells, string ignore, out string diff)
    {
        var key = _key(cells);
        diff = string.Empty;
        if (!_index.TryGetValue(key, out var line))
        {
            _index[key] = _lines.Count;
            _lines.Add(CsvText.Line(cells));
            return Outcome.Added;
        }

        using var reader = new StringReader(string.Join(',', _columns) + "\n" + _lines[line]);
        var old = Cells(CsvTable.Parse(reader, "merge", _columns).Rows[0]);
        var sb = new StringBuilder();
        for (var i = 0; i < _columns.Length; i++)
        {
            if (_columns[i] != ignore && old[i] != cells[i].Trim())
            {
                sb.Append(sb.Length > 0 ? "; " : string.Empty).Append(_columns[i]).Append(": '").Append(old[i]).Append("' → '").Append(cells[i]).Append('\'');
            }
        }

        if (sb.Length == 0)
        {
            return Outcome.Unchanged;
        }

        diff = sb.ToString();
        _lines[line] = CsvText.Line(cells);
        return Outcome.Changed;
    }

    private string[] Cells(CsvRow row) => [.. _columns.Select(c => row.Text(c) ?? string.Empty)];
}
