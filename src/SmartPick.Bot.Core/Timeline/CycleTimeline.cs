using System.Globalization;

namespace SmartPick.Bot.Core.Timeline;

/// <summary>
/// The dated events of each application cycle, read from <c>knowledge/timeline/cycles.csv</c>
/// (columns: cycle, event, date, source_url, retrieved_on, estimate_basis). Pure: callers pass today's date
/// from their <see cref="TimeProvider"/>.
/// </summary>
public sealed class CycleTimeline
{
    private static readonly string[] Columns = ["cycle", "event", "date", "source_url", "retrieved_on", "estimate_basis"];

    private CycleTimeline(IReadOnlyList<CycleEvent> events) => Events = events;

    /// <summary>All events, by date.</summary>
    public IReadOnlyList<CycleEvent> Events { get; }

    public static CycleTimeline Load(string path) => Parse(File.ReadAllLines(path), Path.GetFileName(path));

    /// <exception cref="CycleTimelineFormatException">A header or row is malformed.</exception>
    public static CycleTimeline Parse(IReadOnlyList<string> lines, string fileName)
    {
        if (lines.Count == 0 || !(CsvLine.Split(lines[0]) ?? []).SequenceEqual(Columns))
            throw new CycleTimelineFormatException($"{fileName}: the first row must be '{string.Join(',', Columns)}'.");
        var events = new List<CycleEvent>();
        for (var row = 1; row < lines.Count; row++)
        {
            if (lines[row].Length == 0) continue;
            events.Add(ParseRow(lines[row], row + 1, fileName));
        }
        return new CycleTimeline([.. events.OrderBy(e => e.Date)]);
    }

    /// <summary>
    /// The cycle an applicant is in on <paramref name="today"/>: the latest cycle that has started (its first event
    /// is on or before today), or the earliest cycle when none has. Null only when the file has no events.
    /// </summary>
    public string? CurrentCycle(DateOnly today)
    {
        var starts = Events.GroupBy(e => e.Cycle).Select(g => (Cycle: g.Key, Start: g.Min(e => e.Date))).OrderBy(c => c.Start).ToList();
        if (starts.Count == 0) return null;
        var started = starts.Where(c => c.Start <= today).ToList();
        return started.Count > 0 ? started[^1].Cycle : starts[0].Cycle;
    }

    /// <summary>Events on or after <paramref name="today"/>, soonest first.</summary>
    public IReadOnlyList<CycleEvent> Upcoming(DateOnly today) => [.. Events.Where(e => e.Date >= today)];

    public IReadOnlyList<CycleEvent> ForCycle(string cycle) => [.. Events.Where(e => e.Cycle == cycle)];

    private static CycleEvent ParseRow(string line, int row, string fileName)
    {
        var f = CsvLine.Split(line) ?? throw Error(fileName, row, "", "has an unclosed quote");
        if (f.Count != Columns.Length)
            throw Error(fileName, row, "", $"has {f.Count} columns, expected {Columns.Length}");
        for (var i = 0; i < 5; i++)
        {
            if (string.IsNullOrWhiteSpace(f[i])) throw Error(fileName, row, Columns[i], "is empty");
        }
        var source = Uri.TryCreate(f[3], UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw Error(fileName, row, "source_url", $"'{f[3]}' is not an http(s) address");
        return new CycleEvent(f[0].Trim(), f[1].Trim(), Date(f[2], row, "date", fileName), source,
            Date(f[4], row, "retrieved_on", fileName), string.IsNullOrWhiteSpace(f[5]) ? null : f[5].Trim());
    }

    private static DateOnly Date(string text, int row, string column, string fileName) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(fileName, row, column, $"'{text}' is not a date (yyyy-mm-dd)");

    private static CycleTimelineFormatException Error(string fileName, int row, string column, string problem) =>
        new(column.Length == 0 ? $"{fileName} row {row} {problem}." : $"{fileName} row {row}, column '{column}': {problem}.");
}
