using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Dispatch;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Receiving;
using SmartPick.Bot.Telegram.Sending;
using SmartPick.Bot.Telegram.Webhook;
using Telegram.Bot;

namespace SmartPick.Bot.Telegram;

public static class TelegramAdapterExtensions
{
    public const string HttpClientName = "telegram";

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
        services.AddOptions<TelegramOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers() // the default handler logs request URLs, and every Bot API URL contains the token
            .ConfigureHttpClient((sp, http) =>
                http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.PollTimeoutSeconds + 30))
            .AddTypedClient<ITelegramBotClient>((http, sp) =>
            {
                var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                // RetryThreshold 0: 429s surface to TelegramSender, which also tells the rate limiter.
                return new TelegramBotClient(new TelegramBotClientOptions(o.Token, o.ApiBaseUrl) { RetryThreshold = 0 }, http);
            });

        services.AddSingleton<IChatAdapter, TelegramChatAdapter>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<TelegramClientFactory>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<UpdateLedger>();
        services.AddSingleton<UpdatePipeline>();
        services.AddSingleton<ChatDispatcher>();
        services.AddSingleton<BotStartup>();
        if (string.Equals(section[nameof(TelegramOptions.Mode)], nameof(TelegramMode.Webhook), StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<WebhookReceiver>();
            services.AddHostedService<WebhookService>();
        }
        else
        {
            services.AddHostedService<PollingService>();
        }

        return builder;
    }
}
