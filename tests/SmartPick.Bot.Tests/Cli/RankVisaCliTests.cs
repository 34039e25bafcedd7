using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SmartPick.Bot.Cli;

namespace SmartPick.Bot.Tests.Cli;

/// <summary><c>rank --visa H1B|J1</c>: only programs that report sponsoring that visa, in the chosen area.</summary>
public sealed class RankVisaCliTests : IDisposable
{
    private const string H1bSeeker = """{"specialties": ["Internal Medicine"], "applicantType": "NonUsImg", "visa": "H1B", "step3": {"passed": true}, "step2ck": {"score": 235, "attempts": 1}}""";
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-visa-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Rank_VisaH1B_ListsASubsetOfTheAreaList()
    {
        var all = Ids(await RankAsync("--top", "50"));
        var h1b = Ids(await RankAsync("--top", "50", "--visa", "h-1b"));

        Assert.NotEmpty(h1b);
        Assert.True(h1b.Count < all.Count, $"{h1b.Count} H-1B programs of {all.Count}");
        Assert.Subset(all, h1b);
    }

    [Fact]
    public async Task Rank_UnknownVisa_Exits2WithOneLine()
    {
        var (code, _, err) = await RunAsync("--visa", "L1");

        Assert.Equal(2, code);
        Assert.Contains("--visa must be H1B or J1", err, StringComparison.Ordinal);
    }

    private static HashSet<string> Ids(JsonNode json) => [.. json["programs"]!.AsArray().Select(p => (string)p!["acgmeId"]!)];

    private async Task<JsonNode> RankAsync(params string[] extra)
    {
        var (code, stdout, stderr) = await RunAsync(extra);
        Assert.True(code == 0, stderr);
        return JsonNode.Parse(stdout)!;
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] extra)
    {
        var profile = Path.Combine(_dir, "p.json");
        await File.WriteAllTextAsync(profile, H1bSeeker);
        using var stdin = new StringReader(string.Empty);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(
            ["rank", "--profile", profile, "--region", "SoCal", "--format", "json", .. extra, $"--SmartPick:Storage:ConnectionString=Data Source={Path.Combine(_dir, "cli.db")}"], stdin, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
