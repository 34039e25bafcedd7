using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Logging;
using SmartPick.Bot.Telegram.Rendering;
using SmartPick.Bot.Telegram.Telemetry;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SmartPick.Bot.Telegram.Sending;

/// <summary>
/// Every outbound Bot API call goes through here: messages wait for a rate-limiter slot, 429s wait
/// <c>retry_after</c>, network errors and 5xx back off exponentially, and nothing is retried forever.
/// </summary>
public sealed class TelegramSender(TelegramClientFactory clients, SendRateLimiter limiter, TelegramMetrics metrics, IOptions<TelegramOptions> options, TimeProvider time, ILogger<TelegramSender> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    // Timers may fire a millisecond early; retrying before retry_after has passed would earn another 429.
    private static readonly TimeSpan RetryAfterMargin = TimeSpan.FromMilliseconds(250);

    public Task<Message> SendAsync(OutboundMessage message, bool isGroup, CancellationToken cancellationToken) => message switch
    {
        OutboundText t => MessageCallAsync("sendMessage", t.ChatId, isGroup, (bot, ct) => bot.SendMessage(
            chatId: t.ChatId, text: t.Html, parseMode: ParseMode.Html, replyMarkup: t.Keyboard,
            linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct), cancellationToken),
        OutboundPhoto p => MessageCallAsync("sendPhoto", p.ChatId, isGroup, async (bot, ct) =>
        {
            // A fresh stream per attempt: a retried multipart upload must send the whole file again.
            using var png = new MemoryStream(p.Png, writable: false);
            return await bot.SendPhoto(chatId: p.ChatId, photo: InputFile.FromStream(png, p.FileName), caption: p.CaptionHtml,
                parseMode: ParseMode.Html, replyMarkup: p.Keyboard, cancellationToken: ct).ConfigureAwait(false);
        }, cancellationToken),
        OutboundDocument d => MessageCallAsync("sendDocument", d.ChatId, isGroup, async (bot, ct) =>
        {
            using var content = new MemoryStream(d.Content, writable: false);
            return await bot.SendDocument(chatId: d.ChatId, document: InputFile.FromStream(content, d.FileName), caption: d.CaptionHtml,
                parseMode: ParseMode.Html, cancellationToken: ct).ConfigureAwait(false);
        }, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(message)),
    };

    /// <summary>One "typing…" chat action: not a message, so no queue and no retry.</summary>
    public Task TypingAsync(long chatId, CancellationToken cancellationToken) =>
        clients.Create().SendChatAction(chatId: chatId, action: ChatAction.Typing, cancellationToken: cancellationToken);

    /// <summary>Stops the button's spinner; not a chat message, so it skips the per-chat queue.</summary>
    public Task AnswerCallbackAsync(string callbackQueryId, CancellationToken cancellationToken) =>
        ExecuteAsync("answerCallbackQuery", null, false, async (bot, ct) =>
        {
            await bot.AnswerCallbackQuery(callbackQueryId: callbackQueryId, cancellationToken: ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Edits a keyboard message to show the pressed choice and drop the buttons. Edits count as messages.</summary>
    public Task EditChosenAsync(long chatId, int messageId, string html, bool isGroup, CancellationToken cancellationToken) =>
        ExecuteAsync("editMessageText", chatId, isGroup, async (bot, ct) =>
        {
            try
            {
                await bot.EditMessageText(chatId: chatId, messageId: messageId, text: html, parseMode: ParseMode.Html,
                    replyMarkup: null, cancellationToken: ct).ConfigureAwait(false);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
            {
                // Pressed twice: the message already reads this way.
            }

            return true;
        }, cancellationToken);

    private Task<Message> MessageCallAsync(string method, long chatId, bool isGroup, Func<ITelegramBotClient, CancellationToken, Task<Message>> call, CancellationToken cancellationToken) =>
        ExecuteAsync(method, chatId, isGroup, call, cancellationToken);

    internal async Task<T> ExecuteAsync<T>(string method, long? rateLimitedChat, bool isGroup, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var attempts = options.Value.SendAttempts;
        for (var attempt = 1; ; attempt++)
        {
            if (rateLimitedChat is { } chat)
            {
                if (await limiter.WaitAsync(chat, isGroup, cancellationToken).ConfigureAwait(false))
                {
                    metrics.SendLimitWait();
                }
            }

            try
            {
                return await call(clients.Create(), cancellationToken).ConfigureAwait(false);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                metrics.RateLimited();
                if (attempt >= attempts)
                {
                    throw;
                }

                var wait = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1)) + RetryAfterMargin;
                TelegramLog.RateLimited(logger, method, (long)wait.TotalMilliseconds, attempt);
                if (rateLimitedChat is { } limited)
                {
                    limiter.Defer(limited, wait); // the next WaitAsync holds until retry_after has passed
                }
                else
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && attempt < attempts)
            {
                var delay = Backoff(attempt);
                TelegramLog.TransientFailure(logger, e, method, (long)delay.TotalMilliseconds, attempt);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        ApiRequestException api => api.ErrorCode >= 500,
        RequestException => true, // no Bot API envelope: connection refused/reset, proxy error page, timeout
        HttpRequestException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // HttpClient timeout
        _ => false,
    };

    /// <summary>An answer that was not the Bot API's JSON (an HTML error page, truncated JSON).</summary>
    internal static bool IsMalformedAnswer(Exception e) =>
        e is System.Text.Json.JsonException || e.InnerException is System.Text.Json.JsonException;

    internal static TimeSpan Backoff(int attempt)
    {
        var ms = Math.Min(MaxBackoff.TotalMilliseconds, 500 * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ms * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }
}
