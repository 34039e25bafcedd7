using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Benchmarks.Bot;

/// <summary>
/// The production composition without adapters (BotHost.CreateBuilder: Core, SQLite storage, Knowledge, charts) on
/// a fresh SQLite file in a temp folder, with the repository's knowledge/ and prompts/. No LLM is configured.
/// </summary>
public sealed class BotFixture : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "smartpick-bench", Guid.NewGuid().ToString("N"));

    private BotFixture(IHost host, string dir)
    {
        Host = host;
        _dir = dir;
    }

    public IHost Host { get; }

    public string DatabasePath => Path.Combine(_dir, "bench.db");

    public IConversationEngine Engine => Host.Services.GetRequiredService<IConversationEngine>();

    public static async Task<BotFixture> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "smartpick-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string[] args =
        [
            $"--SmartPick:Storage:ConnectionString=Data Source={Path.Combine(dir, "bench.db")}",
            "--SmartPick:Ai:Provider=None",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:SmartPick=Warning",
        ];
        var host = BotHost.CreateBuilder(args, withAdapters: false).Build();
        await host.StartAsync();
        return new BotFixture(host, dir);
    }

    /// <summary>One direct-chat command from a "bench" platform user.</summary>
    public static InboundMessage Command(int user, string name, string arguments) =>
        new("bench", "u" + user, "u" + user, ChatKind.Direct, new CommandContent(name, arguments));

    public static InboundMessage Text(int user, string text) =>
        new("bench", "u" + user, "u" + user, ChatKind.Direct, new TextContent(text));

    public void Dispose()
    {
        Host.StopAsync().GetAwaiter().GetResult();
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
