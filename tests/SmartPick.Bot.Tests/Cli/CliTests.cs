using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SmartPick.Bot.Cli;
using SmartPick.Bot.Tests.Architecture;

namespace SmartPick.Bot.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-cli-").FullName;

    private string DbArg => $"--SmartPick:Storage:ConnectionString=Data Source={Path.Combine(_dir, "cli.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("{\"specialties\": []}", "at least one specialty")]
    [InlineData("{\"specialties\": [\"Internal Medicine\"], \"step2ck\": {\"score\": 420}}", "step2ck.score: 420 is outside")]
    [InlineData("{\"specialties\": [\"Internal Medicine\"], \"visa\": \"L1\"}", "not valid JSON")]
    [InlineData("{\"specialties\": [\"Internal Medicine\"], \"shoeSize\": 42}", "not valid JSON")]
    public async Task Rank_MalformedProfile_Exits2WithOneLineReason(string json, string reason)
    {
        var file = Path.Combine(_dir, "p.json");
        await File.WriteAllTextAsync(file, json);

        var (code, _, err) = await RunAsync("rank", "--profile", file, DbArg);

        Assert.Equal(2, code);
        Assert.Contains(reason, err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("rank", "--profile", "/nonexistent/p.json")]
    [InlineData("rank", "--format", "xml", "--profile", "p.json")]
    [InlineData("rank", "--top")]
    [InlineData("rank", "--colour", "red")]
    [InlineData("explain-score", "--profile", "p.json", "--program", "12")]
    [InlineData("ask")]
    [InlineData("dance")]
    public async Task BadArguments_Exit2WithOneLine(params string[] args)
    {
        var (code, _, err) = await RunAsync([.. args, DbArg]);

        Assert.Equal(2, code);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Chat_PipedInput_CompletesAnIntake_OneBlockPerLine()
    {
        // The last "0" answers "interviews so far" in interview season; out of season it is a harmless extra line.
        string[] answers = ["/profile", "IM", "Non-US IMG", "J-1", "One at a time", "Passed, first attempt", "Step 2: 238", "First attempt", "no", "2019", "6 months", "yes", "yes", "3", "2", "1", "Spanish", "1", "SoCal, CA", "skip", "0"];

        var (code, output, _) = await RunAsync(answers, "chat", DbArg);

        Assert.Equal(0, code);
        Assert.Contains("That's everything", output, StringComparison.Ordinal);
        Assert.Contains("Step 2 CK score: 238", output, StringComparison.Ordinal);
        var blocks = output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(blocks.Length >= answers.Length, $"expected a reply block per line, got {blocks.Length}");
    }

    [Fact]
    public async Task Chat_AsAProcess_WithPipedStdin_Works()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SmartPick.Bot.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "chat", DbArg])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync("/profile");
        await process.StandardInput.WriteLineAsync("Family Medicine");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Which specialty", output, StringComparison.Ordinal);
        Assert.Contains("Which describes you", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithBadStorageSetting_FailsFastNamingTheSetting()
    {
        var (code, _, err) = await RunAsync("rank", "--profile", "x.json", "--SmartPick:Storage:ConnectionString=");

        Assert.Equal(1, code);
        Assert.Contains("SmartPick:Storage:ConnectionString", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedOverrideCatalog_Exits1WithOneLineNamingTheFile()
    {
        var overrideFile = Path.Combine(_dir, "override.csv");
        await File.WriteAllTextAsync(overrideFile, "not,a,catalog\n1,2,3\n");
        var profile = Path.Combine(DependencyRuleTests.RepoRoot(), "docs", "examples", "profile.json");

        var (code, _, err) = await RunAsync("rank", "--profile", profile, DbArg, $"--SmartPick:Ranking:OverrideFile={overrideFile}");

        Assert.Equal(1, code);
        Assert.StartsWith("configuration error:", err, StringComparison.Ordinal);
        Assert.Contains("override.csv", err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task UnusableDatabasePath_Exits1WithoutAStackTrace()
    {
        var (code, _, err) = await RunAsync("chat", "--SmartPick:Storage:ConnectionString=Data Source=/nonexistent-dir/x/bot.db");

        Assert.Equal(1, code);
        Assert.Contains("configuration error:", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => RunAsync([], args);

    private static async Task<(int Code, string Out, string Err)> RunAsync(string[] stdinLines, params string[] args)
    {
        using var stdin = new StringReader(string.Join('\n', stdinLines) + "\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdin, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
