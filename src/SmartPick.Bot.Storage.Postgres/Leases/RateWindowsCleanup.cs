using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Engine;

namespace SmartPick.Bot.Storage.Postgres.Leases;

/// <summary>
/// Deletes finished group rate windows every five minutes, so a member's id leaves <c>rate_windows</c> within minutes
/// of their last group message even when the groups go quiet (as /privacy says).
/// </summary>
public sealed class RateWindowsCleanup(PostgresRateWindows windows, TimeProvider clock, ILogger<RateWindowsCleanup> logger) : PeriodicJob(clock, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    protected override TimeSpan Interval => Every;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => windows.PurgeExpiredAsync(cancellationToken);
}
