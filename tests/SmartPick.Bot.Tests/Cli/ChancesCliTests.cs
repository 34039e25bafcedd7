using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SmartPick.Bot.Cli;

namespace SmartPick.Bot.Tests.Cli;

public sealed class ChancesCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-chances-").FullName;

    private string DbArg => $"--SmartPick:Storage:ConnectionString=Data Source={Path.Combine(_dir, "cli.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Chances_Json_MoreInterviewsMeanHigherChance()
    {
        var profile = await ProfileAsync();

        var (code, output, err) = await RunAsync("chances", "--profile", profile, "--interviews", "3", "--programs", "1400531031", "--format", "json", DbArg);

        Assert.True(code == 0, err);
        var json = JsonNode.Parse(output)!;
        var p = json["pMatch"]!.GetValue<double>();
        var more = json["pMatchWithMore"]!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
        Assert.InRange(p, 0.01, 0.99);
        Assert.True(p < more[0] && more[0] < more[1] && more[1] < more[2]);
        Assert.Equal("1400531031", json["programs"]![0]!["acgmeId"]!.GetValue<string>());
        Assert.Equal(5, json["nrmpContiguousRanks"]!["matched"]!["median"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("--interviews", "-1")]
    [InlineData("--interviews", "many")]
    [InlineData("--interviews", "2", "--programs", "not-an-id")]
    public async Task Chances_BadInput_Exits2WithOneLine(params string[] extra)
    {
        var profile = await ProfileAsync();

        var (code, _, err) = await RunAsync(["chances", "--profile", profile, .. extra, DbArg]);

        Assert.Equal(2, code);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    private async Task<string> ProfileAsync()
    {
        var file = Path.Combine(_dir, "p.json");
        await File.WriteAllTextAsync(file, "{\"specialties\": [\"Internal Medicine\"], \"applicantType\": \"NonUsImg\", \"step2ck\": {\"score\": 238}}");
        return file;
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdin = new StringReader("\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdin, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
