using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Logging;
using SmartPick.Bot.Telegram.Telemetry;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Webhook;

/// <summary>
/// One webhook delivery: check the secret header, parse the update, store it in the durable inbox, then answer 200.
/// Telegram redelivers until it gets a 2xx, so nothing is acknowledged before it is stored: a crash after the 200 loses
/// nothing, and a redelivery of a stored update is recognized by its id. Any instance may receive; the
/// <see cref="InboxWorker"/>s of all instances handle what is stored. Framework-neutral (body stream in, status code out).
/// </summary>
public sealed class WebhookReceiver(IUpdateInbox inbox, InboxWorker worker, TelegramMetrics metrics, IOptions<TelegramOptions> options, TimeProvider time, ILogger<WebhookReceiver> logger)
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

        using var reader = new StreamReader(body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options);
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

        try
        {
            var chat = (UpdateTranslator.ChatOf(update) ?? 0).ToString(CultureInfo.InvariantCulture);
            if (await inbox.AddAsync(worker.Source, update.Id, chat, json, cancellationToken).ConfigureAwait(false))
            {
                worker.Nudge();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TelegramLog.InboxWriteFailed(logger, e, update.Id);
            return 500;
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
