using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage;
using SmartPick.Bot.Telegram.Tests.Fakes;

namespace SmartPick.Bot.Telegram.Tests.Support;

/// <summary>Builds a host the way Program.cs does, pointed at the fake Bot API.</summary>
internal static class TestBot
{
    public static Dictionary<string, string?> Settings(FakeBotApi api) => new()
    {
        ["SmartPick:Telegram:Token"] = api.Token,
        ["SmartPick:Telegram:ApiBaseUrl"] = api.BaseUrl,
        ["SmartPick:Telegram:PollTimeoutSeconds"] = "5",
        // Rate limits are exercised by their own tests; elsewhere they would only slow the suite down.
        ["SmartPick:Telegram:PerChatIntervalMilliseconds"] = "0",
        ["SmartPick:Telegram:PerGroupIntervalMilliseconds"] = "0",
        ["SmartPick:Telegram:GlobalMessagesPerSecond"] = "0",
    };

    public static HostApplicationBuilder Builder(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("SMARTPICK_TEST_LOG") == "1")
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
        }
        return builder;
    }

    /// <summary>A host with the adapter and a fake engine, keeping adapter state in real SQLite at <paramref name="databasePath"/>.</summary>
    public static IHost WithFakeEngineAndSqlite(FakeBotApi api, IConversationEngine engine, string databasePath, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = Settings(api);
        settings["SmartPick:Storage:ConnectionString"] = $"Data Source={databasePath}";
        configure?.Invoke(settings);
        var builder = Builder(settings);
        builder.Services.AddSingleton(engine);
        builder.AddSqliteStorage();
        builder.AddTelegramAdapter();
        return builder.Build();
    }

    /// <summary>A host with the adapter, a fake engine and an in-memory (or given) state store.</summary>
    public static IHost WithFakeEngine(FakeBotApi api, IConversationEngine engine, IAdapterStateStore store, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = Settings(api);
        configure?.Invoke(settings);
        var builder = Builder(settings);
        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton(store);
        builder.AddTelegramAdapter();
        return builder.Build();
    }
}
