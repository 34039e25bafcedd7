using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Dispatch;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Receiving;
using SmartPick.Bot.Telegram.Sending;
using SmartPick.Bot.Telegram.Telemetry;
using SmartPick.Bot.Telegram.Webhook;
using Telegram.Bot;

namespace SmartPick.Bot.Telegram;

public static class TelegramAdapterExtensions
{
    public const string HttpClientName = "telegram";

    /// <summary>Health-check tag of the checks that make up readiness (<c>/readyz</c>).</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// Adds the Telegram adapter when <c>SmartPick:Telegram:Token</c> is set; otherwise adds nothing, so the host
    /// sees no <see cref="IChatAdapter"/> for Telegram. Requires an <c>IConversationEngine</c> and an
    /// <c>IAdapterStateStore</c> from the Core and Storage registrations.
    /// </summary>
    public static IHostApplicationBuilder AddTelegramAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TelegramOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(TelegramOptions.Token)]))
        {
            return builder;
        }

        var services = builder.Services;
        var frontDoor = !string.IsNullOrWhiteSpace(builder.Configuration["SmartPick:Http:Urls"]);
        services.AddOptions<TelegramOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => o.Mode != TelegramMode.Webhook || frontDoor, "SmartPick:Telegram:Mode=Webhook needs SmartPick:Http:Urls (the HTTP front door receives the deliveries).")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdapterFailure>();
        services.TryAddSingleton<AdapterSupervisor>();
        services.AddMetrics();
        services.TryAddSingleton<TelegramMetrics>();
        services.AddSingleton<TelegramReadiness>();
        services.AddHealthChecks().AddCheck<TelegramReadiness>("telegram", tags: [ReadinessTag]);

        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers() // the default handler logs request URLs, and every Bot API URL contains the token
            .ConfigureHttpClient((sp, http) =>
                http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.PollTimeoutSeconds + 30))
            .AddTypedClient<ITelegramBotClient>((http, sp) =>
            {
                var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                return new TelegramBotClient(ClientOptions(o), http);
            });

        services.AddSingleton<IChatAdapter, TelegramChatAdapter>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<TelegramClientFactory>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<IDirectMessenger, TelegramDirectMessenger>();
        services.AddSingleton<UpdateLedger>();
        services.AddSingleton<Servers.GroupRemoval>();
        services.AddSingleton<Core.Servers.IServerAdmins, Servers.ChatAdmins>();
        services.AddSingleton<Core.Servers.Announcements.IServerMessenger, Servers.TelegramServerMessenger>();
        services.AddSingleton<UpdatePipeline>();
        services.AddSingleton<ChatDispatcher>();
        services.AddSingleton<BotStartup>();
        if (string.Equals(section[nameof(TelegramOptions.Mode)], nameof(TelegramMode.Webhook), StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<WebhookReceiver>();
            services.AddSingleton<InboxWorker>();
            services.AddHostedService<WebhookService>();
            services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());
        }
        else
        {
            services.AddHostedService<PollingService>();
        }

        return builder;
    }

    internal static TelegramBotClientOptions ClientOptions(TelegramOptions o)
    {
        // Telegram.Bot treats any base URL as a self-hosted Bot API server (LocalBotServer, other file URLs), so the
        // official server is left to its default. RetryThreshold 0: 429s surface to TelegramSender, which also
        // tells the rate limiter.
        var official = Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var uri) && uri.Host == OfficialHost && uri.Scheme == Uri.UriSchemeHttps;
        return new TelegramBotClientOptions(o.Token, official ? null : o.ApiBaseUrl) { RetryThreshold = 0 };
    }

    private const string OfficialHost = "api.telegram.org";
}
