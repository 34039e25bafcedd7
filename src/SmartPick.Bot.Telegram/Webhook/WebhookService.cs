using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Dispatch;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Logging;
using SmartPick.Bot.Telegram.Receiving;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace SmartPick.Bot.Telegram.Webhook;

/// <summary>
/// Webhook mode: registers the public URL with Telegram and serves deliveries with an <see cref="HttpListener"/>
/// on <see cref="TelegramWebhookOptions.ListenUrl"/> (put a TLS-terminating proxy in front: Telegram requires
/// HTTPS on 443, 80, 88 or 8443). Updates go through the same dispatcher and pipeline as polling. One connection
/// (max_connections 1) keeps deliveries in id order, which the ledger's de-duplication relies on; each is
/// acknowledged at once, so this costs no throughput.
/// </summary>
public sealed class WebhookService(
    BotStartup startup,
    BotIdentity identity,
    WebhookReceiver receiver,
    UpdateLedger ledger,
    ChatDispatcher dispatcher,
    IOptions<TelegramOptions> options,
    ILogger<WebhookService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var webhook = options.Value.Webhook;
        using var listener = new HttpListener();
        listener.Prefixes.Add(webhook.ListenUrl!);
        listener.Start(); // listen before registering, so the first delivery finds us
        if (!await startup.TryInitializeAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        await startup.RetryAsync(async (bot, ct) =>
        {
            await bot.SetWebhook(url: webhook.Url!, secretToken: webhook.SecretToken, allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery],
                dropPendingUpdates: false, maxConnections: 1, cancellationToken: ct).ConfigureAwait(false);
            return true;
        }, stoppingToken).ConfigureAwait(false);
        TelegramLog.Started(logger, identity.Username, nameof(TelegramMode.Webhook));

        await using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException && stoppingToken.IsCancellationRequested)
            {
                break;
            }

            _ = RespondAsync(context, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await dispatcher.DrainAsync(cancellationToken).ConfigureAwait(false);
        await ledger.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task RespondAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        try
        {
            context.Response.StatusCode = context.Request.HttpMethod == "POST"
                ? await receiver.ReceiveAsync(context.Request.Headers[WebhookReceiver.SecretHeader], context.Request.InputStream, cancellationToken).ConfigureAwait(false)
                : 405;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            context.Response.StatusCode = 503; // Telegram will deliver it again
        }
        finally
        {
            context.Response.Close();
        }
    }
}
