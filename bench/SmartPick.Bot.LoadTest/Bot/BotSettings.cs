using System.Globalization;

namespace SmartPick.Bot.LoadTest.Bot;

/// <summary>Command-line configuration for the real host: SQLite file, Telegram pointed at the local fake, repository knowledge.</summary>
public static class BotSettings
{
    public static string[] Args(string databasePath, string token, string apiBaseUrl, bool productionLimits) =>
    [
        $"--SmartPick:Storage:ConnectionString=Data Source={databasePath}",
        $"--SmartPick:Telegram:Token={token}",
        $"--SmartPick:Telegram:ApiBaseUrl={apiBaseUrl}",
        "--SmartPick:Telegram:PollTimeoutSeconds=5",
        .. productionLimits ? Array.Empty<string>() :
        [
            "--SmartPick:Telegram:PerChatIntervalMilliseconds=0",
            "--SmartPick:Telegram:PerGroupIntervalMilliseconds=0",
            "--SmartPick:Telegram:GlobalMessagesPerSecond=0",
        ],
        "--SmartPick:Ai:Provider=None",
        "--SmartPick:Knowledge:Embeddings=false", // the background MiniLM load (15-26 s of CPU on a cold cache) would compete with the measured turns
        "--SmartPick:Discord:Token=",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:SmartPick=Warning",
        string.Create(CultureInfo.InvariantCulture, $"--Logging:LogLevel:SmartPick.Bot.Telegram={(Environment.GetEnvironmentVariable("SMARTPICK_LOAD_LOG") == "1" ? "Information" : "Error")}"),
    ];
}
