using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Logging;
using SmartPick.Bot.Telegram.Receiving;
using SmartPick.Bot.Telegram.Rendering;
using SmartPick.Bot.Telegram.Sending;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Dispatch;

/// <summary>
/// Handles one update end to end: acknowledge a button press, ask the engine, render and send the replies in
/// order. Never throws: a failure is logged and the chat moves on. The caller records the update as done (polling: the
/// <see cref="UpdateLedger"/>; webhook: the durable inbox).
/// </summary>
public sealed class UpdatePipeline(
    IConversationEngine engine,
    TelegramSender sender,
    BotIdentity bot,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<UpdatePipeline> logger,
    Servers.GroupRemoval? groups = null)
{
    internal const string FailureText = "Sorry, something went wrong on my side. Please try again in a moment.";
    private static readonly TimeSpan TypingAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TypingEvery = TimeSpan.FromSeconds(4);

    /// <summary>True when the update is finished (handled, or failed and dropped); false when shutdown interrupted it, so it must be handled again.</summary>
    public async Task<bool> ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var sends = 0;
            if (update.MyChatMember is { } membership && groups is not null)
            {
                await groups.HandleAsync(membership, cancellationToken).ConfigureAwait(false);
            }

            if (UpdateTranslator.Translate(update, bot) is { } translated)
            {
                sends = await HandleAsync(translated, update, cancellationToken).ConfigureAwait(false);
                TelegramLog.UpdateHandled(logger, update.Id, Ms(started), sends);
            }
            else
            {
                TelegramLog.UpdateIgnored(logger, update.Id);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false; // shutdown: the update stays unfinished and is handled again
        }
        catch (Exception e)
        {
            TelegramLog.UpdateFailed(logger, e, update.Id, Ms(started));
            return true;
        }
    }

    private async Task<int> HandleAsync(TranslatedUpdate t, Update update, CancellationToken cancellationToken)
    {
        var isGroup = t.Message.ChatKind == ChatKind.Group;
        if (t.CallbackQueryId is { } callbackId)
        {
            // Before any slow work, or the button keeps spinning.
            await sender.AnswerCallbackAsync(callbackId, cancellationToken).ConfigureAwait(false);
        }

        var replies = await AskEngineAsync(t, cancellationToken).ConfigureAwait(false);
        var outbound = ReplyRenderer.Render(replies, t.ChatId, t.Message.ChatKind, bot.Username);
        var sends = 0;
        try
        {
            foreach (var message in outbound)
            {
                await sender.SendAsync(message, isGroup, cancellationToken).ConfigureAwait(false);
                sends++;
            }

            if (t.KeyboardMessageId is { } keyboardMessageId && ChosenEdit.Build(update.CallbackQuery!) is { } edited)
            {
                await sender.EditChosenAsync(t.ChatId, keyboardMessageId, edited, isGroup, cancellationToken).ConfigureAwait(false);
                sends++;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // 403 (bot blocked), 400 (chat gone) or retries exhausted: the rest of this answer is dropped, the chat lives on.
            TelegramLog.SendFailed(logger, e, t.ChatId, t.UpdateId);
        }

        return sends;
    }

    private async Task<IReadOnlyList<Reply>> AskEngineAsync(TranslatedUpdate t, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.HandlerTimeoutSeconds));
        using var answered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = KeepTypingAsync(t.ChatId, answered.Token);
        try
        {
            return await engine.HandleAsync(t.Message, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            TelegramLog.EngineTimedOut(logger, t.UpdateId, Ms(started));
            return [new Reply(FailureText)];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TelegramLog.UpdateFailed(logger, e, t.UpdateId, Ms(started));
            return [new Reply(FailureText)];
        }
        finally
        {
            await answered.CancelAsync().ConfigureAwait(false);
            await typing.ConfigureAwait(false);
        }
    }

    /// <summary>Shows "typing…" while a slow answer (an LLM call) is being prepared; Telegram clears it after 5 s.</summary>
    private async Task KeepTypingAsync(long chatId, CancellationToken cancellationToken)
    {
        try
        {
            for (var delay = TypingAfter; ; delay = TypingEvery)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                await sender.TypingAsync(chatId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException || TelegramSender.IsTransient(e, cancellationToken) || e is ApiRequestException)
        {
            // Best effort: the indicator is cosmetic.
        }
    }

    private long Ms(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}
