using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;

namespace SmartPick.Bot.Core.Privacy;

/// <summary>
/// One pass of the clean-up: warns users <see cref="PrivacyOptions.WarningDays"/> before their data expires (once per
/// quiet spell, via the notification ledger), then deletes users inactive for <see cref="PrivacyOptions.InactiveMonths"/>.
/// </summary>
public sealed partial class InactivityCleanup(IInactivityStore store, NoticeSender sender, IOptions<PrivacyOptions> options, IOptions<ReminderOptions> reminderOptions, TimeProvider clock, ILogger<InactivityCleanup> logger)
{
    private const int Batch = 500;

    /// <summary>Returns (warnings attempted, users deleted).</summary>
    public async Task<(int Warned, int Deleted)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var deleteBefore = now.AddMonths(-o.InactiveMonths);
        var warnBefore = deleteBefore.AddDays(o.WarningDays);
        var deleted = 0;
        foreach (var user in await store.FindInactiveAsync(deleteBefore, Batch, cancellationToken))
        {
            if (await store.ForgetIfInactiveAsync(user.User, deleteBefore, cancellationToken))
            {
                deleted++;
            }
        }

        var warned = 0;
        var r = reminderOptions.Value;
        foreach (var user in await store.FindInactiveAsync(warnBefore, Batch, cancellationToken))
        {
            // Keyed by the quiet spell's start: a user who comes back and goes quiet again is warned again.
            var notice = "inactivity-warning:" + user.LastActive.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
            var deletion = user.LastActive.AddMonths(o.InactiveMonths);
            if (sender.CanReach(user.User)
                && await sender.SendOnceAsync(user.User, notice, Warning(deletion, o), TimeSpan.FromMinutes(r.ClaimLeaseMinutes), r.MaxAttempts, cancellationToken))
            {
                warned++;
            }
        }

        if (deleted > 0 || warned > 0)
        {
            LogPass(warned, deleted);
        }

        return (warned, deleted);
    }

    private static Reply Warning(DateTimeOffset deletion, PrivacyOptions o) => Reply.Private(
        $"You haven't used SmartPick for a while. To protect your privacy I delete the profile, list and reminders of anyone inactive for {o.InactiveMonths} months, " +
        $"so yours will be deleted on or after **{deletion.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}**. To keep them, just send me any message (for example /list). To delete them now, send /forget.");

    [LoggerMessage(EventId = 320, Level = LogLevel.Information, Message = "Inactivity clean-up: {Warned} warnings sent, {Deleted} users deleted")]
    private partial void LogPass(int warned, int deleted);
}
