using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Reminders;

public enum DirectSendResult
{
    Sent,

    /// <summary>The platform refuses this user for good (bot blocked, DMs closed, account gone).</summary>
    Unreachable,

    /// <summary>Worth retrying later (network, 5xx, rate limit exhausted).</summary>
    Failed,
}

/// <summary>
/// Sends a message the user did not just ask for (a reminder, a deletion warning) to their direct chat. Registered by
/// each platform adapter that can; it goes through the adapter's rate-limited sender, so platform limits hold.
/// </summary>
public interface IDirectMessenger
{
    /// <summary>"telegram", "discord": matches <see cref="UserKey.Platform"/>.</summary>
    string Platform { get; }

    Task<DirectSendResult> SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken);
}
