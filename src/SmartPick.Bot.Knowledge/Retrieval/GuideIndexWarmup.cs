using Microsoft.Extensions.Hosting;

namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>Builds the index when the host starts, so the first question is not the one that pays for it.</summary>
public sealed class GuideIndexWarmup(GuideIndexProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => provider.GetAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
