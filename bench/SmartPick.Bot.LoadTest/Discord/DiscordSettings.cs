using SmartPick.Bot.Discord.Tests.FakeDiscord;

namespace SmartPick.Bot.LoadTest.Discord;

/// <summary>Command-line configuration for the real host with only the Discord adapter, pointed at the local fake Discord.</summary>
public static class DiscordSettings
{
    public static string[] Args(string databasePath, FakeDiscordServer fake) =>
    [
        $"--SmartPick:Storage:ConnectionString=Data Source={databasePath}",
        "--SmartPick:Telegram:Token=",
        $"--SmartPick:Discord:Token={FakeDiscordServer.Token}",
        $"--SmartPick:Discord:ApiBaseUrl={fake.ApiBase}",
        $"--SmartPick:Discord:GatewayUrl={fake.Gateway.BaseWs}/gw",
        "--SmartPick:Ai:Provider=None",
        "--SmartPick:Knowledge:Embeddings=false", // the background MiniLM load (15-26 s of CPU on a cold cache) would compete with the measured turns
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:SmartPick=Warning",
        $"--Logging:LogLevel:SmartPick.Bot.Discord={(Environment.GetEnvironmentVariable("SMARTPICK_LOAD_LOG") == "1" ? "Information" : "Error")}",
    ];
}
