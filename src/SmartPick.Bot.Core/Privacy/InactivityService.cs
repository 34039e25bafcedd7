using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Engine;

namespace SmartPick.Bot.Core.Privacy;

/// <summary>Runs <see cref="InactivityCleanup"/> at start and then every <see cref="PrivacyOptions.RunEveryHours"/>.</summary>
public sealed class InactivityService(InactivityCleanup cleanup, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<InactivityService> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(options.Value.RunEveryHours);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => cleanup.RunOnceAsync(cancellationToken);
}
