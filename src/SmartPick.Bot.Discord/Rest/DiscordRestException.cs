using System.Net;

namespace SmartPick.Bot.Discord.Rest;

/// <summary>A non-success REST answer: HTTP status plus Discord's JSON error code (e.g. 10062, 40060, 50007).</summary>
public sealed class DiscordRestException(HttpStatusCode status, int code, string message)
    : Exception($"Discord REST {(int)status}: {code} {message}")
{
    public HttpStatusCode Status { get; } = status;

    public int Code { get; } = code;

    public const int UnknownInteraction = 10062;
    public const int AlreadyAcknowledged = 40060;
    public const int CannotMessageUser = 50007;
}
