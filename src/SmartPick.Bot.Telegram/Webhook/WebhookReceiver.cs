using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Dispatch;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Logging;
using SmartPick.Bot.Telegram.Receiving;
using SmartPick.Bot.Telegram.Telemetry;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Webhook;

/// <summary>
/// One webhook delivery: check the secret header, parse the update, de-duplicate (Telegram redelivers until it
/// gets a fast 2xx), hand it to the same dispatcher as polling and answer at once. Framework-neutral (body stream
/// in, status code out), so the HTTP front door maps it and a durable inbox can be put behind it.
/// </summary>
public sealed class WebhookReceiver(UpdateLedger ledger, ChatDispatcher dispatcher, TelegramMetrics metrics, IOptions<TelegramOptions> options, TimeProvider time, ILogger<WebhookReceiver> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Returns the HTTP status to answer with.</summary>
    public async Task<int> ReceiveAsync(string? secret, Stream body, CancellationToken cancellationToken)
    {
        if (!SecretMatches(secret))
        {
            TelegramLog.WebhookRejected(logger, "secret token mismatch");
            return 401;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(body, JsonBotAPI.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            TelegramLog.WebhookRejected(logger, "body is not an Update");
            metrics.Malformed("webhook");
            return 400;
        }

        if (update is null)
        {
            metrics.Malformed("webhook");
            return 400;
        }

        if (update.Message is { } message)
        {
            metrics.UpdateReceived(time.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)));
        }

        if (ledger.TryBegin(update.Id))
        {
            dispatcher.Dispatch(update, UpdateTranslator.ChatOf(update) ?? 0);
        }

        return 200;
    }

    private bool SecretMatches(string? secret)
    {
        var expected = options.Value.Webhook.SecretToken ?? string.Empty;
        return secret is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(expected));
    }
}
