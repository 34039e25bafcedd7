using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Servers.Announcements;

/// <summary>How a post to a server ended.</summary>
public enum ServerSendStatus
{
    Sent,

    /// <summary>The channel is gone or the bot may not post there (Discord 50013/10003, Telegram 403): never retried.</summary>
    Gone,

    /// <summary>Worth retrying later (network, 5xx, rate limit exhausted).</summary>
    Failed,
}

/// <param name="Reason">For <see cref="ServerSendStatus.Gone"/>: why, in words an admin understands (shown on their next /settings).</param>
public sealed record ServerSendResult(ServerSendStatus Status, string? Reason = null)
{
    public static readonly ServerSendResult Sent = new(ServerSendStatus.Sent);
    public static readonly ServerSendResult Failed = new(ServerSendStatus.Failed);
}

/// <summary>
/// Posts a message the bot starts on its own into a server: a Discord channel, a Telegram group. Registered by each
/// adapter; it goes through the adapter's rate-limited sender, so platform limits hold.
/// </summary>
public interface IServerMessenger
{
    /// <summary>"telegram", "discord": matches <see cref="ServerKey.Platform"/>.</summary>
    string Platform { get; }

    /// <param name="channelId">Discord: the announcements channel; Telegram: null (the group itself).</param>
    Task<ServerSendResult> SendAsync(ServerKey server, string? channelId, Reply reply, CancellationToken cancellationToken);
}
