namespace SmartPick.Bot.Tests.Http;

/// <summary>
/// Issue #17: a supervisor (systemd Restart=on-failure) restarts the bot only when it exits non-zero, so a failure
/// stop must exit non-zero and a requested stop zero. Run as a real process.
/// </summary>
public sealed class ExitCodeTests : IAsyncLifetime
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"smartpick-exit-{Guid.NewGuid():N}.db");
    private MiniPlatforms platforms = null!;

    public async Task InitializeAsync() => platforms = await MiniPlatforms.StartAsync();

    public async Task DisposeAsync()
    {
        await platforms.DisposeAsync();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
    }

    [Fact]
    public async Task Sigterm_ExitsZero()
    {
        // Arrange: the HTTP front door alone (no adapter), so "run" neither chats on the console nor stops by itself.
        using var bot = new BotProcess("--SmartPick:Http:Urls=http://127.0.0.1:0", Db());
        await bot.WaitForLogAsync("HTTP front door listening");

        // Act
        bot.SendSigterm();
        var code = await bot.WaitForExitAsync();

        // Assert
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task FatalGatewayCloseCode_ExitsNonZero()
    {
        platforms.CloseOnIdentify = 4004;
        using var bot = new BotProcess(Db(), "--SmartPick:Discord:Token=" + MiniPlatforms.DiscordToken,
            $"--SmartPick:Discord:ApiBaseUrl={platforms.BaseUrl}/api/v10", "--SmartPick:Discord:RegisterCommands=false");

        var code = await bot.WaitForExitAsync();

        Assert.Equal(1, code);
        Assert.Contains("4004", bot.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedToken_ExitsNonZero()
    {
        platforms.RejectDiscordToken = true;
        using var bot = new BotProcess(Db(), "--SmartPick:Discord:Token=" + MiniPlatforms.DiscordToken,
            $"--SmartPick:Discord:ApiBaseUrl={platforms.BaseUrl}/api/v10", "--SmartPick:Http:Urls=http://127.0.0.1:0");

        var code = await bot.WaitForExitAsync();

        Assert.Equal(1, code);
        Assert.Contains("rejected the bot token", bot.Log, StringComparison.Ordinal);
    }

    private string Db() => $"--SmartPick:Storage:ConnectionString=Data Source={database}";
}
