using SmartPick.Bot.Cli;

namespace SmartPick.Bot.Tests.Cli;

/// <summary>The console chat, restarted between a choice being shown and answered (each run is a new process host on one database).</summary>
public sealed class ConsoleChatRestartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-chat-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("Yes, delete everything")]
    [InlineData("yes")]
    [InlineData("delete")]
    public async Task ForgetConfirmation_TypedAfterARestart_DeletesEverything(string typed)
    {
        var before = await ChatAsync("/profile set specialties IM", "/forget");
        var after = await ChatAsync(typed, "/export");

        Assert.Contains("Delete now?", before, StringComparison.Ordinal);
        Assert.Contains("I deleted your profile", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal Medicine", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChoiceLabel_TypedAfterARestart_RunsTheChoice_NotAGuideAnswer()
    {
        var before = await ChatAsync("/profile set specialties IM", "/profile set step2ck 238", "/profile");
        var after = await ChatAsync("Rank programs");

        Assert.Contains("[Rank programs]", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Sources:", after, StringComparison.Ordinal);
        Assert.DoesNotContain("guide does not cover", after, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Internal Medicine", after, StringComparison.Ordinal);
    }

    private async Task<string> ChatAsync(params string[] lines)
    {
        using var stdin = new StringReader(string.Join('\n', lines) + "\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["chat", $"--SmartPick:Storage:ConnectionString=Data Source={Path.Combine(_dir, "chat.db")}"], stdin, stdout, stderr);
        Assert.Equal(0, code);
        return stdout.ToString();
    }
}
