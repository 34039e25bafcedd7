using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Engine;

namespace SmartPick.Bot.Core.Servers.Announcements;

/// <summary>Runs <see cref="AnnouncementRunner"/> every <see cref="AnnouncementOptions.CheckEverySeconds"/>.</summary>
public sealed class AnnouncementService(AnnouncementRunner runner, IOptions<AnnouncementOptions> options, TimeProvider clock, ILogger<AnnouncementService> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.CheckEverySeconds);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => runner.RunOnceAsync(cancellationToken);
}
