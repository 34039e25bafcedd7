using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartPick.Bot.Core.Servers.Feedback;

/// <summary>
/// Deletes voter hashes older than 24 hours every hour, so they are gone on time even when nobody votes (a vote also
/// purges them). After that nothing links a vote to anyone.
/// </summary>
public sealed partial class VoterHashCleanup(IFeedbackStore store, TimeProvider clock, ILogger<VoterHashCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.PurgeExpiredAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            await Task.Delay(Every, clock, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 974, Level = LogLevel.Warning, Message = "Deleting expired voter hashes failed; retrying in an hour")]
    private partial void LogFailed(Exception exception);
}
