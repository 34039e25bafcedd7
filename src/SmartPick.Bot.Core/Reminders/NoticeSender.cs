using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Reminders;

/// <summary>
/// Sends one notice exactly once through the ledger: claim, send, complete (or release on a transient failure).
/// Shared by the reminder scheduler and the inactivity warnings.
/// </summary>
public sealed partial class NoticeSender(INotificationLedger ledger, IEnumerable<IDirectMessenger> messengers, TimeProvider clock, ILogger<NoticeSender> logger)
{
    private readonly Dictionary<string, IDirectMessenger> _messengers = messengers.ToDictionary(m => m.Platform, StringComparer.Ordinal);

    /// <summary>Whether this platform can receive messages the user did not ask for.</summary>
    public bool CanReach(UserKey user) => _messengers.ContainsKey(user.Platform);

    /// <summary>
    /// Returns false when nothing was attempted (another claimant owns the notice, it was already sent, or the platform
    /// cannot be reached); true when a send was attempted, whatever its outcome.
    /// </summary>
    public async Task<bool> SendOnceAsync(UserKey user, string notice, Reply reply, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!_messengers.TryGetValue(user.Platform, out var messenger)
            || !await ledger.TryClaimAsync(user, notice, clock.GetUtcNow(), lease, cancellationToken))
        {
            return false;
        }

        DirectSendResult result;
        try
        {
            result = await messenger.SendAsync(user.UserId, [reply], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(ex, user.Platform);
            result = DirectSendResult.Failed;
        }

        // A cancellation (shutdown) leaves the claim to expire: the message may or may not have left.
        switch (result)
        {
            case DirectSendResult.Sent:
                await ledger.CompleteAsync(user, notice, NoticeOutcome.Sent, CancellationToken.None);
                break;
            case DirectSendResult.Unreachable:
                LogUnreachable(user.Platform);
                await ledger.CompleteAsync(user, notice, NoticeOutcome.Unreachable, CancellationToken.None);
                break;
            default:
                await ledger.ReleaseAsync(user, notice, maxAttempts, CancellationToken.None);
                break;
        }

        return true;
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Sending a {Platform} notice failed; it will be retried")]
    private partial void LogSendFailed(Exception exception, string platform);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "A {Platform} user cannot be messaged; notice dropped")]
    private partial void LogUnreachable(string platform);
}
