using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Commands;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Core.Engine;

/// <summary>
/// Loads the user's state, routes the message, stores the new state, returns the replies. Messages of one user
/// are handled one at a time, so two quick answers never race on stored state.
/// </summary>
public sealed partial class ConversationEngine(IUserStore store, CommandRouter router, GroupRateLimiter groupLimiter, TimeProvider clock, ILogger<ConversationEngine> logger)
    : IConversationEngine
{
    private readonly KeyedLock<UserKey> _locks = new();

    public async Task<IReadOnlyList<Reply>> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = clock.GetTimestamp();
        using var held = await _locks.AcquireAsync(message.User, cancellationToken);
        var kind = message.Content.GetType().Name;
        try
        {
            // Optimistic concurrency: another instance may save this user between our load and save; then the
            // save is refused and the turn runs again on the state that instance left (see README, several instances).
            for (var attempt = 1; ; attempt++)
            {
                var state = await store.LoadAsync(message.User, cancellationToken) ?? UserState.New;
                if (DeliveryRecord.IsRepeat(message, state.Conversation))
                {
                    LogRepeat(message.Platform);
                    return DeliveryRecord.RepliesFor(message, state.Conversation);
                }

                // Counted once per message: after the repeat check (a redelivery is not a new message), not on a re-run.
                if (attempt == 1 && await ThrottleAsync(message, cancellationToken) is { } throttled)
                {
                    return throttled;
                }

                var turn = new Turn(message, state);
                await router.RouteAsync(turn, cancellationToken);
                PendingChoices.Record(turn);
                if (await CommitAsync(message, state, turn, cancellationToken))
                {
                    var elapsedMs = clock.GetElapsedTime(started).TotalMilliseconds;
                    LogHandled(message.Platform, kind, turn.Replies.Count, elapsedMs);
                    return turn.Replies;
                }

                LogConflict(message.Platform, attempt);
                if (attempt == MaxAttempts)
                {
                    throw new InvalidOperationException($"The user's state changed under {MaxAttempts} attempts in a row.");
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex, message.Platform, kind);
            return [new Reply("Sorry — something went wrong on my side. Your saved answers are safe; please try again in a moment.")];
        }
    }

    private const int MaxAttempts = 5;

    /// <summary>The replies for a group message over the member's limit (a notice once, then none); null when allowed.</summary>
    private async Task<IReadOnlyList<Reply>?> ThrottleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (!CountsTowardGroupLimit(message))
        {
            return null;
        }

        var (verdict, wait) = await groupLimiter.CheckAsync(message.User, cancellationToken);
        if (verdict == GroupRateLimiter.Verdict.Allowed)
        {
            return null;
        }

        LogThrottled(message.Platform);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return verdict == GroupRateLimiter.Verdict.ThrottledSilent
            ? []
            : [Reply.Private($"You're sending commands faster than I can answer in this group. Please wait about {seconds} seconds — or message me privately, where there's no limit.")];
    }

    /// <summary>
    /// Group messages are limited so one member cannot make the bot flood a shared channel. Presses and forms answered
    /// only to their author (Discord ephemeral replies: the intake, paging) put nothing in the channel and are not counted.
    /// </summary>
    private static bool CountsTowardGroupLimit(InboundMessage message) =>
        message.ChatKind == ChatKind.Group && !(message.FromPrivateMessage && message.Content is ButtonContent or FormContent);

    /// <summary>Stores what the turn changed; false when another writer saved the user since <paramref name="loaded"/>.</summary>
    private async Task<bool> CommitAsync(InboundMessage message, UserState loaded, Turn turn, CancellationToken cancellationToken)
    {
        if (turn.Forget)
        {
            await store.ForgetAsync(message.User, cancellationToken);
            return true;
        }

        if (message.MessageId is { } id)
        {
            // Saved even when nothing else changed: the record of this delivery lands in the same transaction.
            var recorded = turn.State with { Conversation = DeliveryRecord.Record(turn.State.Conversation, loaded.Conversation.RecentMessageIds, id, turn.Replies) };
            return await store.TrySaveAsync(message.User, recorded, loaded.Version, cancellationToken);
        }

        return ReferenceEquals(turn.State, turn.Original) || await store.TrySaveAsync(message.User, turn.State, loaded.Version, cancellationToken);
    }

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "A {Platform} turn lost a race with another writer (attempt {Attempt}); running it again")]
    private partial void LogConflict(string platform, int attempt);

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Handled {Platform} {Kind} with {Replies} replies in {ElapsedMs:F1} ms")]
    private partial void LogHandled(string platform, string kind, int replies, double elapsedMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Ignored a repeated {Platform} delivery (already applied)")]
    private partial void LogRepeat(string platform);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Throttled a {Platform} group user")]
    private partial void LogThrottled(string platform);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Handling a {Platform} {Kind} failed")]
    private partial void LogFailed(Exception exception, string platform, string kind);
}
