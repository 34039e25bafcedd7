using SmartPick.Bot.Core.Timeline;

namespace SmartPick.Bot.Core.Tests.Timeline;

public sealed class CycleTimelineTests
{
    private const string Header = "cycle,event,date,source_url,retrieved_on,estimate_basis";

    private static CycleTimeline Parse(params string[] rows) => CycleTimeline.Parse([Header, .. rows], "cycles.csv");

    private static readonly CycleTimeline TwoCycles = Parse(
        "2025-26,Season opens,2025-06-04,https://aamc.example/t,2026-12-04,",
        "2025-26,Training starts,2026-07-01,https://nrmp.example/t,2026-12-04,",
        "2026-27,Season opens,2026-06-03,https://aamc.example/t,2026-12-04,",
        "2026-27,Match Day,2027-03-19,https://nrmp.example/t,2026-12-04,\"estimated: third Friday of March, \"\"usually\"\"\"");

    [Theory]
    [InlineData("2026-12-04", "2026-27")]
    [InlineData("2026-06-10", "2026-27")] // the new season has opened although last cycle's residents start in July
    [InlineData("2026-05-31", "2025-26")]
    [InlineData("2024-01-01", "2025-26")] // before any listed cycle: the earliest one
    [InlineData("2030-01-01", "2026-27")] // after every listed cycle: the latest one
    public void CurrentCycle_IsTheLatestCycleThatHasStarted(string today, string expected) =>
        Assert.Equal(expected, TwoCycles.CurrentCycle(DateOnly.Parse(today)));

    [Fact]
    public void Upcoming_ListsEventsFromTodayOnSoonestFirst()
    {
        var upcoming = TwoCycles.Upcoming(new DateOnly(2026, 6, 1));

        Assert.Equal(["Season opens", "Training starts", "Match Day"], upcoming.Select(e => e.Event));
    }

    [Fact]
    public void Parse_ReadsQuotedEstimateBasis()
    {
        var matchDay = TwoCycles.ForCycle("2026-27").Single(e => e.Event == "Match Day");

        Assert.True(matchDay.IsEstimated);
        Assert.Equal("estimated: third Friday of March, \"usually\"", matchDay.EstimateBasis);
        Assert.False(TwoCycles.Events[0].IsEstimated);
    }

    [Theory]
    [InlineData("2026-27,Match Day,19 March 2027,https://a.example/,2026-12-04,", "row 2, column 'date'")]
    [InlineData("2026-27,Match Day,2027-03-19,not a url,2026-12-04,", "row 2, column 'source_url'")]
    [InlineData("2026-27,,2027-03-19,https://a.example/,2026-12-04,", "row 2, column 'event'")]
    [InlineData("2026-27,Match Day,2027-03-19,https://a.example/,2026-12-04", "row 2 has 5 columns")]
    [InlineData("2026-27,Match Day,2027-03-19,https://a.example/,yesterday,", "row 2, column 'retrieved_on'")]
    [InlineData("2026-27,\"Match Day,2027-03-19,https://a.example/,2026-12-04,", "row 2 has an unclosed quote")]
    public void Parse_BadRow_NamesRowAndColumn(string row, string expected)
    {
        var error = Assert.Throws<CycleTimelineFormatException>(() => Parse(row));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("cycles.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongHeader_SaysWhatTheHeaderMustBe()
    {
        var error = Assert.Throws<CycleTimelineFormatException>(() => CycleTimeline.Parse(["cycle,date"], "cycles.csv"));

        Assert.Contains(Header, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommittedFile_LoadsAndCoversTheCurrentAndNextCycle()
    {
        var timeline = CycleTimeline.Load(Path.Combine(RepoRoot(), "knowledge", "timeline", "cycles.csv"));

        var current = timeline.ForCycle("2026-27").Select(e => e.Event).ToList();
        Assert.Contains(current, e => e.StartsWith("Match Day", StringComparison.Ordinal));
        Assert.Contains(current, e => e.StartsWith("Rank order list certification", StringComparison.Ordinal));
        Assert.Contains(current, e => e.StartsWith("SOAP", StringComparison.Ordinal));
        Assert.Contains(current, e => e == "Residency training starts");
        Assert.NotEmpty(timeline.ForCycle("2027-28"));
        Assert.Equal("2026-27", timeline.CurrentCycle(new DateOnly(2026, 12, 4)));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "knowledge", "timeline"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("knowledge/timeline not found above the test binaries");
    }
}
