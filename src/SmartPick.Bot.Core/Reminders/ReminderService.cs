using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Engine;

namespace SmartPick.Bot.Core.Reminders;

/// <summary>Runs <see cref="ReminderRunner"/> every <see cref="ReminderOptions.CheckEverySeconds"/>.</summary>
public sealed class ReminderService(ReminderRunner runner, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderService> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.CheckEverySeconds);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => runner.RunOnceAsync(cancellationToken);
}
