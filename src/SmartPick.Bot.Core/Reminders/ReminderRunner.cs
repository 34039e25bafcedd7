using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Timeline;

namespace SmartPick.Bot.Core.Reminders;

/// <summary>One pass of the reminder scheduler: every subscriber's due reminders, each sent once via the ledger.</summary>
public sealed partial class ReminderRunner(IReminderStore store, NoticeSender sender, CycleTimeline timeline, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderRunner> logger)
{
    /// <summary>Returns how many sends were attempted (at most <see cref="ReminderOptions.MaxSendsPerCheck"/>).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var lease = TimeSpan.FromMinutes(o.ClaimLeaseMinutes);
        var attempted = 0;
        foreach (var subscriber in await store.ListEnabledAsync(cancellationToken))
        {
            if (!sender.CanReach(subscriber.User))
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var zone = ReminderPlanner.Zone(subscriber.Subscription.TimeZone, o.DefaultTimeZone);
            foreach (var due in ReminderPlanner.Due(timeline, subscriber.Subscription, now, o))
            {
                if (attempted >= o.MaxSendsPerCheck)
                {
                    LogDeferred(o.MaxSendsPerCheck);
                    return attempted; // the rest go out on the next check
                }

                var reply = ReminderPlanner.Message(due, ReminderPlanner.Today(now, zone));
                if (await sender.SendOnceAsync(subscriber.User, due.Key, reply, lease, o.MaxAttempts, cancellationToken))
                {
                    attempted++;
                }
            }
        }

        return attempted;
    }

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Reminder check reached its limit of {Limit} sends; the rest follow on the next check")]
    private partial void LogDeferred(int limit);
}
