using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Reminders;

/// <summary>How a claimed notice ended.</summary>
public enum NoticeOutcome
{
    /// <summary>The platform accepted the message.</summary>
    Sent,

    /// <summary>The user cannot be messaged (blocked the bot, DMs closed): never retried.</summary>
    Unreachable,
}

/// <summary>
/// One row per (user, notice) — a reminder, an inactivity warning — so each is sent once across restarts, crashes
/// and several instances. A sender first claims the row (an atomic insert-or-take-over-an-expired-claim, so only one
/// claimant wins), then sends, then completes it. A claim left by a crashed process expires after its lease and
/// is taken over; a transient failure releases it at once. Rows are user data: /forget deletes them.
/// </summary>
public interface INotificationLedger
{
    /// <summary>True when this caller now owns the notice until <paramref name="now"/> + <paramref name="lease"/>.</summary>
    Task<bool> TryClaimAsync(UserKey user, string notice, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed notice done; it is never claimed again.</summary>
    Task CompleteAsync(UserKey user, string notice, NoticeOutcome outcome, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a claimed notice back after a transient failure so the next run retries it; after
    /// <paramref name="maxAttempts"/> claims it is marked failed instead.
    /// </summary>
    Task ReleaseAsync(UserKey user, string notice, int maxAttempts, CancellationToken cancellationToken);
}
