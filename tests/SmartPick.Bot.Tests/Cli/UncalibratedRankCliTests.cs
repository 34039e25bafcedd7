using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SmartPick.Bot.Cli;

namespace SmartPick.Bot.Tests.Cli;

/// <summary><c>rank</c> for specialties without an NRMP curve: listed and filterable, no chance, a sentence why.</summary>
public sealed class UncalibratedRankCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-uncal-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Rank_TransitionalYear_ListsProgramsWithEligibility_NoChanceNoPlan()
    {
        var json = await RankJsonAsync("Transitional Year", "SD", """{"specialties": ["Transitional Year"], "applicantType": "UsImg", "visa": "None", "step2ck": {"score": 240, "attempts": 1}}""");

        Assert.Null(json["matchProbability"]);
        Assert.Null(json["plan"]);
        Assert.Contains("no NRMP Charting Outcomes curve for Transitional Year", (string?)json["note"], StringComparison.Ordinal);
        var programs = json["programs"]!.AsArray();
        Assert.Equal(2, programs.Count);
        Assert.All(programs, p => Assert.Null(p!["interviewProbability"]));
        Assert.Equal("Ineligible", (string?)programs.Single(p => (string?)p!["acgmeId"] == "9990500151")!["eligibility"]!["status"]); // Naval Medical Center: military
    }

    [Fact]
    public async Task Rank_PreliminaryMedicine_ListsTheTracksOfImPrograms()
    {
        var json = await RankJsonAsync("prelim", "LA", """{"specialties": ["Internal Medicine"], "applicantType": "NonUsImg", "visa": "J1", "step2ck": {"score": 240, "attempts": 1}}""");

        Assert.Equal("Preliminary Medicine", (string?)json["specialty"]);
        var programs = json["programs"]!.AsArray();
        Assert.Contains(programs, p => (string?)p!["acgmeId"] == "1400511040" && (string?)p["track"] == "preliminary");
        Assert.All(programs, p => Assert.StartsWith("preliminary", (string?)p!["track"], StringComparison.Ordinal));
    }

    private async Task<JsonNode> RankJsonAsync(string specialty, string region, string profileJson)
    {
        var profile = Path.Combine(_dir, "p.json");
        await File.WriteAllTextAsync(profile, profileJson);
        using var stdin = new StringReader(string.Empty);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["rank", "--profile", profile, "--specialty", specialty, "--region", region, "--format", "json", $"--SmartPick:Storage:ConnectionString=Data Source={Path.Combine(_dir, "cli.db")}"], stdin, stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        return JsonNode.Parse(stdout.ToString())!;
    }
}
