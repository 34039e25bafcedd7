namespace SmartPick.Bot.Core.State;

/// <summary>
/// A send budget shared by every instance of the bot (the platform's bot-wide limit: Telegram about 30 messages/s per
/// token, Discord 50 requests/s per token). Registered by storage that instances share (PostgreSQL); without it the
/// process is the only sender and the adapters' in-process limiters enforce the whole budget. Per-server budgets use it
/// too (<c>server:&lt;platform&gt;:&lt;id&gt;</c>, see <see cref="Servers.ServerSendBudget"/>). Per-chat limits stay in the
/// adapters: a chat's turns are handled one at a time, so one instance sees its sends.
/// </summary>
public interface ISendBudget
{
    /// <summary>
    /// Takes one send from <paramref name="bucket"/> (a token bucket refilled at <paramref name="perSecond"/>, holding at most
    /// <paramref name="burst"/>) and returns how long to wait before sending: zero when a token was there. Never refuses:
    /// when the bucket is empty the send is queued behind the ones already waiting.
    /// </summary>
    Task<TimeSpan> ReserveAsync(string bucket, double perSecond, int burst, CancellationToken cancellationToken);
}
