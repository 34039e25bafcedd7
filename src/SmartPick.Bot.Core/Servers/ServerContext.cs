namespace SmartPick.Bot.Core.Servers;

/// <summary>
/// The community server a group message came from, set by the adapter. <paramref name="IsAdmin"/> is known when the
/// platform sends it with the message (Discord's member.permissions); when null, a command that needs it asks the
/// platform's <see cref="IServerAdmins"/> (Telegram: getChatMember).
/// </summary>
public sealed record ServerContext(ServerKey Key, bool? IsAdmin = null);

/// <summary>Asks a platform whether a user administers a server; registered by adapters whose messages don't say.</summary>
public interface IServerAdmins
{
    /// <summary>"telegram", matching <see cref="ServerKey.Platform"/>.</summary>
    string Platform { get; }

    Task<bool> IsAdminAsync(ServerKey server, string userId, CancellationToken cancellationToken);
}
