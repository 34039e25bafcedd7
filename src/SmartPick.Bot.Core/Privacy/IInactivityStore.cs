using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Privacy;

/// <param name="LastActive">The newest write about the user (profile, conversation, list, reminder settings).</param>
public sealed record InactiveUser(UserKey User, DateTimeOffset LastActive);

/// <summary>Port for the inactivity clean-up: who has been quiet, and deleting them without racing a returning user.</summary>
public interface IInactivityStore
{
    /// <summary>Users whose last activity is before <paramref name="before"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<InactiveUser>> FindInactiveAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every row about the user in one transaction, but only if they are still inactive since before
    /// <paramref name="before"/> (they may have written since they were found). True when deleted.
    /// </summary>
    Task<bool> ForgetIfInactiveAsync(UserKey user, DateTimeOffset before, CancellationToken cancellationToken);
}
