using Microsoft.Extensions.Logging;

namespace SmartPick.Bot.Telegram.Logging;

/// <summary>
/// All adapter log lines. They carry update ids, chat ids, method names and timings only: never tokens, message
/// text or profile values.
/// </summary>
internal static partial class TelegramLog
{
    [LoggerMessage(1, LogLevel.Information, "Telegram adapter started as @{Username} ({Mode})")]
    public static partial void Started(ILogger logger, string username, string mode);

    [LoggerMessage(2, LogLevel.Debug, "Update {UpdateId} handled in {ElapsedMs} ms ({Sends} sends)")]
    public static partial void UpdateHandled(ILogger logger, int updateId, long elapsedMs, int sends);

    [LoggerMessage(3, LogLevel.Debug, "Update {UpdateId} ignored")]
    public static partial void UpdateIgnored(ILogger logger, int updateId);

    [LoggerMessage(4, LogLevel.Error, "Update {UpdateId} failed after {ElapsedMs} ms")]
    public static partial void UpdateFailed(ILogger logger, Exception exception, int updateId, long elapsedMs);

    [LoggerMessage(5, LogLevel.Warning, "Engine timed out on update {UpdateId} after {ElapsedMs} ms")]
    public static partial void EngineTimedOut(ILogger logger, int updateId, long elapsedMs);

    [LoggerMessage(6, LogLevel.Warning, "Telegram {Method} hit flood control; retrying in {RetryAfterMs} ms (attempt {Attempt})")]
    public static partial void RateLimited(ILogger logger, string method, long retryAfterMs, int attempt);

    [LoggerMessage(7, LogLevel.Warning, "Telegram {Method} failed transiently; retrying in {DelayMs} ms (attempt {Attempt})")]
    public static partial void TransientFailure(ILogger logger, Exception exception, string method, long delayMs, int attempt);

    [LoggerMessage(8, LogLevel.Warning, "getUpdates failed; backing off {DelayMs} ms")]
    public static partial void PollingFailed(ILogger logger, Exception exception, long delayMs);

    [LoggerMessage(9, LogLevel.Critical, "Telegram rejected the bot token (error {ErrorCode}); stopping. Check SmartPick:Telegram:Token.")]
    public static partial void TokenRejected(ILogger logger, int errorCode);

    [LoggerMessage(10, LogLevel.Debug, "Received {Count} updates ({New} new) in {ElapsedMs} ms")]
    public static partial void Polled(ILogger logger, int count, int @new, long elapsedMs);

    [LoggerMessage(11, LogLevel.Warning, "Shutdown cancelled {Count} in-flight updates; they will be fetched again on restart")]
    public static partial void DrainCancelled(ILogger logger, int count);

    [LoggerMessage(12, LogLevel.Warning, "Webhook request rejected: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, string reason);

    [LoggerMessage(13, LogLevel.Error, "Sending a reply to chat {ChatId} for update {UpdateId} failed")]
    public static partial void SendFailed(ILogger logger, Exception exception, long chatId, int updateId);

    [LoggerMessage(14, LogLevel.Information, "Resuming from update offset {Offset}")]
    public static partial void Resuming(ILogger logger, int offset);

    [LoggerMessage(16, LogLevel.Information, "Stored update offset {Offset} ignored: saved by another bot or more than 24 h ago")]
    public static partial void StaleOffsetIgnored(ILogger logger, int offset);

    [LoggerMessage(15, LogLevel.Warning, "Telegram start-up call failed; retrying in {DelayMs} ms")]
    public static partial void StartupRetry(ILogger logger, Exception exception, long delayMs);

    [LoggerMessage(17, LogLevel.Error, "Webhook update {UpdateId} could not be stored in the inbox; answered 500 so Telegram delivers it again")]
    public static partial void InboxWriteFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(18, LogLevel.Warning, "Inbox claim failed; retrying in {DelayMs} ms")]
    public static partial void InboxClaimFailed(ILogger logger, Exception exception, long delayMs);

    [LoggerMessage(19, LogLevel.Warning, "Update {UpdateId} was claimed {Attempts} times: an earlier worker did not finish it")]
    public static partial void InboxRedo(ILogger logger, long updateId, int attempts);

    [LoggerMessage(20, LogLevel.Warning, "Lost the inbox claim on update {UpdateId} (it expired); another worker may redo it")]
    public static partial void InboxClaimLost(ILogger logger, long updateId);

    [LoggerMessage(21, LogLevel.Information, "Inbox worker stopping: {Count} updates in hand are finished first")]
    public static partial void InboxDraining(ILogger logger, int count);
}
