using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SmartPick.Bot.Cli;
using SmartPick.Bot.Tests.Architecture;

namespace SmartPick.Bot.Tests.Cli;

/// <summary><c>catalog import</c> on a copy of the repository's knowledge/, then <c>rank</c> over the result.</summary>
public sealed class CatalogVerbTests : IDisposable
{
    private const string Url = "https://valley.example/psychiatry/eligibility";
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-catalog-cli-").FullName;

    public CatalogVerbTests()
    {
        var from = Path.Combine(DependencyRuleTests.RepoRoot(), "knowledge");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(Knowledge, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    private string Knowledge => Path.Combine(_dir, "knowledge");

    private string Facts => Path.Combine(Knowledge, "programs", "socal", "facts.csv");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Import_DryRunByDefault_ReportsChanges_WriteMerges_RankThenExcludesJ1Seeker()
    {
        var file = await ImportFileAsync($"X-valley-psychiatry,Psychiatry,Valley Psychiatry,Fresno,CA,CV,{Url},V,Applicants must be US citizens or permanent residents.,true");
        var before = await File.ReadAllTextAsync(Facts);

        var (dryCode, dryOut, _) = await RunAsync("catalog", "import", "--file", file, "--source", "Valley Psychiatry website", "--date", "2026-11-30", "--knowledge", Knowledge);
        var unchanged = await File.ReadAllTextAsync(Facts);
        var (code, output, _) = await RunAsync("catalog", "import", "--file", file, "--source", "Valley Psychiatry website", "--date", "2026-11-30", "--write", "--knowledge", Knowledge);
        var profile = Path.Combine(_dir, "p.json");
        await File.WriteAllTextAsync(profile, """{"specialties": ["Psychiatry"], "applicantType": "NonUsImg", "step2ck": {"score": 240, "attempts": 1}, "visa": "J1"}""");
        var (rankCode, rankOut, rankErr) = await RunAsync("rank", "--profile", profile, "--specialty", "Psychiatry", "--region", "CV", "--format", "json",
            $"--SmartPick:Ranking:KnowledgePath={Knowledge}", $"--SmartPick:Storage:ConnectionString=Data Source={Path.Combine(_dir, "cli.db")}");

        Assert.Equal((0, 0), (dryCode, code));
        Assert.Contains("dry run, nothing written", dryOut, StringComparison.Ordinal);
        Assert.Contains("programs.csv: added X-valley-psychiatry + categorical", dryOut, StringComparison.Ordinal);
        Assert.Equal(before, unchanged);
        Assert.Contains("merged into", output, StringComparison.Ordinal);
        Assert.NotEqual(before, await File.ReadAllTextAsync(Facts));
        Assert.True(rankCode == 0, rankErr);
        var program = JsonNode.Parse(rankOut)!["programs"]!.AsArray().Single(p => (string?)p!["acgmeId"] == "X-valley-psychiatry")!;
        Assert.Equal("Ineligible", (string?)program["eligibility"]!["status"]);
        Assert.Contains(program["eligibility"]!["reasons"]!.AsArray(), r => (string?)r!["sourceUrl"] == Url);
    }

    [Fact]
    public async Task Import_MalformedRow_Exits2_NamesRowAndColumn_WritesNothing()
    {
        var file = await ImportFileAsync(
            $"X-valley-psychiatry,Psychiatry,Valley Psychiatry,Fresno,CA,CV,{Url},V,Quote.,true",
            $"X-hill-psychiatry,Psychiatry,Hill Psychiatry,Fresno,CA,CV,{Url},V,Quote.,perhaps");
        var before = await File.ReadAllTextAsync(Facts);

        var (code, _, err) = await RunAsync("catalog", "import", "--file", file, "--source", "S", "--date", "2026-11-30", "--write", "--knowledge", Knowledge);

        Assert.Equal(2, code);
        Assert.Contains("import.csv: row 3, column 'citizens_or_pr_only'", err, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(Facts));
    }

    [Theory]
    [InlineData("import", "--source", "S", "--date", "2026-11-30")]
    [InlineData("import", "--file", "x.csv", "--source", "S", "--date", "2026-11-30")]
    [InlineData("frobnicate")]
    public async Task BadArguments_Exit2(params string[] args)
    {
        var (code, _, err) = await RunAsync(["catalog", .. args, "--knowledge", Knowledge]);

        Assert.Equal(2, code);
        Assert.NotEmpty(err);
    }

    [Fact]
    public async Task Validate_CommittedCatalog_Ok()
    {
        var (code, output, err) = await RunAsync("catalog", "validate", "--knowledge", Knowledge);

        Assert.True(code == 0, err);
        Assert.StartsWith("OK: ", output, StringComparison.Ordinal);
    }

    private async Task<string> ImportFileAsync(params string[] rows)
    {
        var file = Path.Combine(_dir, "import.csv");
        await File.WriteAllTextAsync(file, "program_id,specialty,name,city,state,region,source_url,reliability,quote,citizens_or_pr_only\n" + string.Join("\n", rows) + "\n");
        return file;
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
