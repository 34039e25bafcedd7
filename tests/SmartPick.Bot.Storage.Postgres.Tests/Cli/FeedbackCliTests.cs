using SmartPick.Bot.Cli;
using SmartPick.Bot.Core.Servers.Feedback;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Cli;

/// <summary>Issue 16 point 4: <c>feedback export</c> gives maintainers the votes per guide section, as CSV or JSON.</summary>
public sealed class FeedbackCliTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FeedbackExport_CountsEachVoteForEverySectionItsAnswerCited_MostVotedFirst()
    {
        // Arrange
        using var storage = TestStorage.Create(TestStorage.Sqlite);
        var store = storage.Get<IFeedbackStore>();
        await store.TryAddAsync("a", new FeedbackVote("telegram", ["soap", "eras-fees"], true, Start), Start.AddDays(1), CancellationToken.None);
        await store.TryAddAsync("b", new FeedbackVote("discord", ["soap"], false, Start.AddDays(2)), Start.AddDays(3), CancellationToken.None);
        await store.TryAddAsync("c", new FeedbackVote("discord", ["soap"], true, Start.AddDays(3)), Start.AddDays(4), CancellationToken.None);
        var db = "--SmartPick:Storage:ConnectionString=" + storage.ConnectionString;

        // Act
        var csv = await RunAsync(["feedback", "export", db]);
        var json = await RunAsync(["feedback", "export", "--since", "2026-12-03", "--format", "json", db]);
        var bad = await RunAsync(["feedback", "export", "--since", "yesterday", db]);

        // Assert
        Assert.Equal(0, csv.Code);
        Assert.Equal(
            "section,helpful,not_helpful,total,last_vote\n" +
            "soap,2,1,3,2026-12-04T12:00:00.0000000+00:00\n" +
            "eras-fees,1,0,1,2026-12-01T12:00:00.0000000+00:00\n",
            csv.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("\"section\": \"soap\"", json.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"total\": 2", json.Stdout, StringComparison.Ordinal); // only the two votes since 3 December
        Assert.DoesNotContain("eras-fees", json.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, bad.Code);
    }

    [Fact]
    public async Task FeedbackExportShared_WritesEachSharedQuestionOnce_AsCsvSafeForSpreadsheets()
    {
        // Arrange
        using var storage = TestStorage.Create(TestStorage.Sqlite);
        var store = storage.Get<IFeedbackStore>();
        await store.TryAddAsync("a", new FeedbackVote("telegram", ["soap"], true, Start), Start.AddDays(1), CancellationToken.None);
        await store.AddSharedAsync(new SharedQuestion("telegram", "I got ### on CK, is that \"good\"?", ["how-many", "soap"], Start), CancellationToken.None);
        await store.AddSharedAsync(new SharedQuestion("discord", "=HYPERLINK(\"x\") what is SOAP?", ["soap"], Start.AddDays(2)), CancellationToken.None);
        var db = "--SmartPick:Storage:ConnectionString=" + storage.ConnectionString;

        // Act
        var csv = await RunAsync(["feedback", "export", "shared", db]);
        var json = await RunAsync(["feedback", "export", "shared", "--since", "2026-12-02", "--format", "json", db]);
        var unknown = await RunAsync(["feedback", "export", "questions", db]);

        // Assert
        Assert.Equal(0, csv.Code);
        Assert.Equal(
            "at,platform,sections,question\n" +
            "2026-12-01T12:00:00.0000000+00:00,telegram,how-many soap,\"I got ### on CK, is that \"\"good\"\"?\"\n" +
            "2026-12-03T12:00:00.0000000+00:00,discord,soap,\"'=HYPERLINK(\"\"x\"\") what is SOAP?\"\n",
            csv.Stdout.ReplaceLineEndings("\n"));
        var rows = System.Text.Json.JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["discord"], rows.Select(r => r.GetProperty("platform").GetString()));
        Assert.Equal(["soap"], rows[0].GetProperty("sections").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(2, unknown.Code);
    }

    private static async Task<(int Code, string Stdout)> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(string.Empty), stdout, stderr);
        return (code, stdout.ToString());
    }
}
