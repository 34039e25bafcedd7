using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Engine;

namespace SmartPick.Bot.Core.Servers.Feedback;

/// <summary>
/// Deletes voter hashes older than 24 hours every hour, so they are gone on time even when nobody votes (a vote also
/// purges them). After that nothing links a vote to anyone.
/// </summary>
public sealed class VoterHashCleanup(IFeedbackStore store, TimeProvider clock, ILogger<VoterHashCleanup> logger) : PeriodicJob(clock, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override TimeSpan Interval => Every;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => store.PurgeExpiredAsync(Clock.GetUtcNow(), cancellationToken);
}
