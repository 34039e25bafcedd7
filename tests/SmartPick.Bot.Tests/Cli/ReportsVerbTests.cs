using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Cli;
using SmartPick.Bot.Core.Corrections;
using SmartPick.Bot.Storage;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;

namespace SmartPick.Bot.Tests.Cli;

public sealed class ReportsVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-reports-cli-").FullName;

    private string Db => $"Data Source={Path.Combine(_dir, "bot.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Export_Csv_AllReportsOldestFirst_FormulaSafe()
    {
        await SeedAsync(
            new CorrectionReport(0, "1200500737", "1200500737", "=HYPERLINK(\"x\") wrong city", "aa", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)),
            new CorrectionReport(0, null, "Some Hospital", "closed, per its site", "bb", new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero)));

        var (code, output, err) = await RunAsync("reports", "export", $"--SmartPick:Storage:ConnectionString={Db}");

        Assert.True(code == 0, err);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal("id,created_at,program_id,program,text,user_hash", lines[0]);
        Assert.StartsWith("1,2026-12-01T09:00:00.0000000+00:00,1200500737,1200500737,\"'=HYPERLINK(\"\"x\"\") wrong city\",aa", lines[1], StringComparison.Ordinal);
        Assert.Equal("2,2026-12-03T09:00:00.0000000+00:00,,Some Hospital,\"closed, per its site\",bb", lines[2]);
    }

    [Fact]
    public async Task Export_JsonSince_OnlyNewerReports()
    {
        await SeedAsync(
            new CorrectionReport(0, "1200500737", "1200500737", "old", "aa", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero)),
            new CorrectionReport(0, "1200500737", "1200500737", "new", "aa", new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero)));

        var (code, output, _) = await RunAsync("reports", "export", "--format", "json", "--since", "2026-12-01", $"--SmartPick:Storage:ConnectionString={Db}");

        Assert.Equal(0, code);
        var report = Assert.Single(JsonNode.Parse(output)!.AsArray());
        Assert.Equal("new", (string?)report!["text"]);
    }

    [Theory]
    [InlineData("reports")]
    [InlineData("reports", "delete")]
    [InlineData("reports", "list", "--since", "yesterday")]
    public async Task BadArguments_Exit2(params string[] args)
    {
        var (code, _, err) = await RunAsync([.. args, $"--SmartPick:Storage:ConnectionString={Db}"]);

        Assert.Equal(2, code);
        Assert.NotEmpty(err);
    }

    private async Task SeedAsync(params CorrectionReport[] reports)
    {
        using var database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = Db }), NullLogger<SqliteDatabase>.Instance);
        await database.MigrateAsync(CancellationToken.None);
        var store = new SqliteCorrectionStore(database);
        foreach (var r in reports)
        {
            await store.AddAsync(r, CancellationToken.None);
        }
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdin = new StringReader(string.Empty);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdin, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
