using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartPick.Bot.Core.Engine;

/// <summary>
/// A background job run at start and then every <see cref="Interval"/> on the <see cref="TimeProvider"/>; a failed run
/// is logged and retried at the next one (reminders, announcements, inactivity clean-up, voter-hash purge).
/// </summary>
public abstract partial class PeriodicJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, GetType().Name, interval);
            }

            await Task.Delay(interval, Clock, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 311, Level = LogLevel.Error, Message = "{Job} failed; retrying in {Interval}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, TimeSpan interval);
}
