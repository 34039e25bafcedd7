using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Logging;
using SmartPick.Bot.Telegram.Receiving;
using SmartPick.Bot.Telegram.Telemetry;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace SmartPick.Bot.Telegram.Webhook;

/// <summary>
/// Webhook mode: registers the public URL with Telegram; deliveries arrive on the host's HTTP front door
/// (<c>SmartPick:Http:Urls</c>), which hands them to <see cref="WebhookReceiver"/> (put a TLS-terminating proxy in
/// front: Telegram requires HTTPS on 443, 80, 88 or 8443). Deliveries are stored in the durable inbox and handled by
/// the <see cref="InboxWorker"/>s of every instance through the same pipeline as polling. One connection
/// (max_connections 1) keeps deliveries in id order, so an update is stored before any later one of its chat; each is
/// acknowledged as soon as it is stored.
/// </summary>
public sealed class WebhookService(
    BotStartup startup,
    BotIdentity identity,
    AdapterSupervisor supervisor,
    TelegramReadiness readiness,
    TelegramMetrics metrics,
    IOptions<TelegramOptions> options,
    ILogger<WebhookService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        supervisor.RunAsync("telegram", "webhook registration", RegisterAsync, () => metrics.Restarted("webhook"), stoppingToken);

    private async Task RegisterAsync(CancellationToken stoppingToken)
    {
        readiness.NotReady("registering the webhook");
        if (!await startup.TryInitializeAsync(stoppingToken).ConfigureAwait(false))
        {
            readiness.NotReady("token rejected");
            return;
        }

        var webhook = options.Value.Webhook;
        await startup.RetryAsync(async (bot, ct) =>
        {
            await bot.SetWebhook(url: webhook.Url!, secretToken: webhook.SecretToken, allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember],
                dropPendingUpdates: false, maxConnections: 1, cancellationToken: ct).ConfigureAwait(false);
            return true;
        }, stoppingToken).ConfigureAwait(false);
        readiness.Ready();
        TelegramLog.Started(logger, identity.Username, nameof(TelegramMode.Webhook));
    }
}
