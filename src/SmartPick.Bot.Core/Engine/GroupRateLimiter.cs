using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Core.Engine;

/// <summary>
/// Per-user sliding one-minute window for messages in groups, so one member cannot make the bot flood a shared
/// channel. Direct chats are not limited here (the platforms' own limits apply there). A throttled user is told
/// once per window; further messages in that window get no reply at all, or the notice itself would flood the group.
/// With several instances (<paramref name="shared"/> registered: PostgreSQL) the window and the notice are counted in the
/// database, so a member gets the limit once however many instances answer (Telegram webhooks); otherwise in process.
/// </summary>
public sealed class GroupRateLimiter(IOptions<EngineOptions> options, TimeProvider clock, IRateWindows? shared = null)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly IRateWindows _windows = shared ?? new InProcessRateWindows(clock);

    /// <summary>The outcome for one message.</summary>
    public enum Verdict
    {
        Allowed,
        ThrottledNotify,
        ThrottledSilent,
    }

    /// <summary>Decides about one message; <c>Wait</c> is the time until the next one would be allowed.</summary>
    public async Task<(Verdict Verdict, TimeSpan Wait)> CheckAsync(UserKey user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var limit = options.Value.GroupMessagesPerMinute;
        if (limit == 0)
        {
            return (Verdict.Allowed, TimeSpan.Zero);
        }

        var take = await _windows.TryTakeAsync($"group:{user.Platform}:{user.UserId}", limit, Window, cancellationToken).ConfigureAwait(false);
        var verdict = take.Outcome switch
        {
            WindowOutcome.Taken => Verdict.Allowed,
            WindowOutcome.Refused => Verdict.ThrottledNotify,
            _ => Verdict.ThrottledSilent,
        };
        return (verdict, take.Wait);
    }
}
