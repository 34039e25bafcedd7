using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartPick.Bot.Core.Reminders;

/// <summary>Runs <see cref="ReminderRunner"/> every <see cref="ReminderOptions.CheckEverySeconds"/>; a failed pass is logged and retried.</summary>
public sealed partial class ReminderService(ReminderRunner runner, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.CheckEverySeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 311, Level = LogLevel.Error, Message = "A reminder check failed; retrying on the next one")]
    private partial void LogFailed(Exception exception);
}
