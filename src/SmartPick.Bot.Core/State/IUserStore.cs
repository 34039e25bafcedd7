using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.State;

/// <summary>Port for everything stored about a user: profile and conversation state, written together.</summary>
public interface IUserStore
{
    /// <summary>Returns the stored state, or <c>null</c> for a user we know nothing about.</summary>
    Task<UserState?> LoadAsync(UserKey user, CancellationToken cancellationToken);

    /// <summary>Writes profile and conversation state atomically.</summary>
    Task SaveAsync(UserKey user, UserState state, CancellationToken cancellationToken);

    /// <summary>
    /// Writes like <see cref="SaveAsync"/> only when the stored version is still <paramref name="expectedVersion"/>
    /// (0: nothing stored yet), and bumps it. Returns false, writing nothing, when another writer (another instance,
    /// another process on the same file) saved in between: the caller reloads and re-runs its turn.
    /// </summary>
    async Task<bool> TrySaveAsync(UserKey user, UserState state, long expectedVersion, CancellationToken cancellationToken)
    {
        await SaveAsync(user, state, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes every row about the user. Returns false when nothing was stored.</summary>
    Task<bool> ForgetAsync(UserKey user, CancellationToken cancellationToken);
}
