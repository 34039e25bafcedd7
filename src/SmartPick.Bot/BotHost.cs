using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Chat;
using SmartPick.Bot.Core;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Discord;
using SmartPick.Bot.Http;
using SmartPick.Bot.Knowledge;
using SmartPick.Bot.Telegram;
using SmartPick.Ranking.Charts;

namespace SmartPick.Bot;

/// <summary>Composition only: one AddXxx per project. Adapters are added for "run"; "chat" and the CLI verbs use the engine alone.</summary>
public static class BotHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args, bool withAdapters, ConsoleChatIo? consoleIo = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // stdout belongs to the chat and the CLI's results; every log line goes to stderr.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (consoleIo is not null)
        {
            builder.Services.AddSingleton(consoleIo);
        }

        builder.AddBotCore();
        builder.AddStorage(); // SmartPick:Storage:Provider = Sqlite (default) | Postgres
        builder.AddKnowledge();
        builder.Services.AddRankingCharts();
        if (withAdapters)
        {
            builder.AddAdapters();
        }

        return builder;
    }

    private static void AddAdapters(this HostApplicationBuilder builder)
    {
        builder.AddHttpFrontDoor(); // metrics, readiness; Kestrel when SmartPick:Http:Urls is set
        builder.AddTelegramAdapter();
        builder.AddDiscordAdapter();
        builder.AddApplicantJobs(); // reminder scheduler + inactivity clean-up (they DM through the adapters)
        if (!HttpOptions.IsEnabled(builder.Configuration))
        {
            // With the front door on, "run" serves HTTP (health, metrics, webhooks) even with no adapter enabled.
            builder.AddConsoleChatWhenNoAdapter();
        }
    }
}
