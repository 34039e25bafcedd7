using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartPick.Bot.Core.Privacy;

/// <summary>Runs <see cref="InactivityCleanup"/> at start and then every <see cref="PrivacyOptions.RunEveryHours"/>.</summary>
public sealed partial class InactivityService(InactivityCleanup cleanup, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<InactivityService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromHours(options.Value.RunEveryHours);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await cleanup.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 321, Level = LogLevel.Error, Message = "The inactivity clean-up failed; retrying at the next run")]
    private partial void LogFailed(Exception exception);
}
