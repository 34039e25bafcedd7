namespace SmartPick.Bot.Core.Servers;

/// <summary>
/// The community server a group message came from, set by the adapter. Whether the sender administers it is asked
/// only when a command needs it (Telegram answers that with a Bot API call; Discord sends it with the interaction).
/// </summary>
public sealed class ServerContext(ServerKey key, Func<CancellationToken, Task<bool>> isAdmin)
{
    public ServerKey Key { get; } = key;

    /// <summary>Discord: Manage Server (or Administrator) in the interaction's member.permissions; Telegram: creator or administrator.</summary>
    public Task<bool> IsAdminAsync(CancellationToken cancellationToken) => isAdmin(cancellationToken);
}
