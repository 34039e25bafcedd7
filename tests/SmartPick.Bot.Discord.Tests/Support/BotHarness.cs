using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.Discord.Tests.Gateway;
using SmartPick.Bot.Storage;

namespace SmartPick.Bot.Discord.Tests.Support;

/// <summary>
/// The bot host (Host.CreateApplicationBuilder + AddDiscordAdapter, with either a scripted engine or the real engine
/// + SQLite in a temp file) against a <see cref="FakeDiscordServer"/>, sharing one fake clock.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private string databasePath = Path.Combine(Path.GetTempPath(), $"smartpick-discord-{Guid.NewGuid():N}.db");
    private bool ownsDatabase = true;

    private BotHarness(FakeDiscordServer fake, SignalingTimeProvider time)
    {
        Fake = fake;
        Time = time;
    }

    public FakeDiscordServer Fake { get; }

    public SignalingTimeProvider Time { get; }

    public IHost Host { get; private set; } = null!;

    public ScriptedEngine Engine { get; } = new();

    public static async Task<BotHarness> StartAsync(bool realEngine = false, string token = FakeDiscordServer.Token, bool waitForReady = true, string? publicKey = null, bool requireRestAuth = false, IEnumerable<string>? helloOverrides = null, string? sharedDatabasePath = null, Action<IServiceCollection>? configure = null)
    {
        var time = new SignalingTimeProvider();
        var harness = new BotHarness(await FakeDiscordServer.StartAsync(time), time);
        if (sharedDatabasePath is not null)
        {
            // A database that outlives this host (restart tests): SQLite storage with the scripted engine, kept on dispose.
            harness.databasePath = sharedDatabasePath;
            harness.ownsDatabase = false;
        }

        foreach (var hello in helloOverrides ?? [])
        {
            harness.Fake.Gateway.HelloOverrides.Enqueue(hello);
        }

        harness.Fake.RequireRestAuth = requireRestAuth;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Development",
        });
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("SMARTPICK_TEST_LOGS") == "1")
        {
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Debug);
        }
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SmartPick:Discord:Token"] = token,
            ["SmartPick:Discord:ApiBaseUrl"] = harness.Fake.ApiBase,
            ["SmartPick:Storage:ConnectionString"] = "Data Source=" + harness.databasePath,
            ["SmartPick:Discord:PublicKey"] = publicKey,
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IJitterSource>(new FixedJitter(0.5));
        if (realEngine)
        {
            builder.AddBotCore();
            builder.AddSqliteStorage();
        }
        else
        {
            builder.Services.AddSingleton<IConversationEngine>(harness.Engine);
            if (sharedDatabasePath is not null)
            {
                builder.AddSqliteStorage();
            }
        }

        builder.AddDiscordAdapter();
        configure?.Invoke(builder.Services);
        harness.Host = builder.Build();
        await harness.Host.StartAsync();
        if (waitForReady)
        {
            Assert.Equal("identify:/gw", await harness.Fake.Gateway.NextEventAsync());
            // After a restart on the same database the unchanged commands are not registered again.
            var gateway = harness.Host.Services.GetRequiredService<DiscordGatewayClient>();
            await WaitUntilAsync(() => harness.Fake.RequestsTo("/commands").Any() || (!harness.ownsDatabase && gateway.IsConnected));
        }

        return harness;
    }

    /// <summary>Dispatches an INTERACTION_CREATE and waits until the fake saw its acknowledgement.</summary>
    public async Task<FakeInteractionState> InteractAsync(int type, string dataJson, bool inGuild, string userId = "53908232506183680", bool waitForAck = true, string channelId = "645027906669510667", string permissions = FakeDiscordServer.MemberPermissions, string? messageJson = null)
    {
        var json = Fake.NewInteraction(type, dataJson, inGuild, userId, channelId, permissions, messageJson);
        var id = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
        await Fake.Gateway.DispatchAsync("INTERACTION_CREATE", json);
        var state = Fake.Interactions[id];
        if (waitForAck)
        {
            await WaitUntilAsync(() => state.AckType is not null);
        }

        return state;
    }

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException("Condition not reached in time.");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await Host.StopAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }

        Host.Dispose();
        await Fake.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (ownsDatabase)
        {
            DeleteDatabase(databasePath);
        }
    }

    public static void DeleteDatabase(string databasePath)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
