using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartPick.Bot.Core.Servers.Announcements;

/// <summary>Runs <see cref="AnnouncementRunner"/> every <see cref="AnnouncementOptions.CheckEverySeconds"/>; a failed pass is logged and retried.</summary>
public sealed partial class AnnouncementService(AnnouncementRunner runner, IOptions<AnnouncementOptions> options, TimeProvider clock, ILogger<AnnouncementService> logger) : BackgroundService
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

    [LoggerMessage(EventId = 973, Level = LogLevel.Error, Message = "An announcement check failed; retrying on the next one")]
    private partial void LogFailed(Exception exception);
}
