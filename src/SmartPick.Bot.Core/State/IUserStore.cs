using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.State;

/// <summary>Port for everything stored about a user: profile and conversation state, written together.</summary>
public interface IUserStore
{
    /// <summary>Returns the stored state, or <c>null</c> for a user we know nothing about.</summary>
    Task<UserState?> LoadAsync(UserKey user, CancellationToken cancellationToken);

    /// <summary>Writes profile and conversation state atomically.</summary>
    Task SaveAsync(UserKey user, UserState state, CancellationToken cancellationToken);

    /// <summary>Deletes every row about the user. Returns false when nothing was stored.</summary>
    Task<bool> ForgetAsync(UserKey user, CancellationToken cancellationToken);
}
