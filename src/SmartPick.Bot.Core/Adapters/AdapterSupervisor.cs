using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartPick.Bot.Core.Adapters;

/// <summary>
/// Keeps an adapter's background loop alive: an unexpected exception is logged, counted and the loop restarted
/// after a capped exponential back-off (1 s … 60 s; reset after 5 healthy minutes). After
/// <see cref="MaxConsecutiveRestarts"/> failures in a row the adapter is given up: <see cref="AdapterFailure"/> is
/// recorded and the host stopped, so the process exits non-zero and the supervisor (systemd) restarts it.
/// Deliberate stops (fatal close codes, a rejected token) are the loop's own business: it returns normally.
/// </summary>
public sealed partial class AdapterSupervisor(
    AdapterFailure failure,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<AdapterSupervisor> logger)
{
    public const int MaxConsecutiveRestarts = 10;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HealthyRun = TimeSpan.FromMinutes(5);

    public async Task RunAsync(string platform, string loop, Func<CancellationToken, Task> body, Action onRestart, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(onRestart);
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            try
            {
                await body(stopping).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures = time.GetElapsedTime(started) >= HealthyRun ? 1 : failures + 1;
                if (failures > MaxConsecutiveRestarts)
                {
                    LogGaveUp(logger, ex, platform, loop, MaxConsecutiveRestarts);
                    failure.Report(platform);
                    lifetime.StopApplication();
                    return;
                }

                var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
                LogRestarting(logger, ex, platform, loop, failures, delay.TotalSeconds);
                onRestart();
                await Task.Delay(delay, time, stopping).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Platform} {Loop} failed (restart {Attempt}); restarting in {Seconds} s")]
    private static partial void LogRestarting(ILogger logger, Exception ex, string platform, string loop, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Platform} {Loop} failed {Count} times in a row; stopping the bot")]
    private static partial void LogGaveUp(ILogger logger, Exception ex, string platform, string loop, int count);
}
