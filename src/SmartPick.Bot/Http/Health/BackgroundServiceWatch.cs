using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Adapters;

namespace SmartPick.Bot.Http.Health;

/// <summary>
/// When the host stops, records a background service that died (its exception escaped every restart) as an adapter
/// failure, so the process exits 1 instead of looking like a clean stop (the host itself would exit 0).
/// </summary>
public sealed class BackgroundServiceWatch(IServiceProvider services, IHostApplicationLifetime lifetime, AdapterFailure failure) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var background = services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        lifetime.ApplicationStopping.Register(() =>
        {
            if (background.FirstOrDefault(s => s.ExecuteTask is { IsFaulted: true }) is { } died)
            {
                failure.Report(died.GetType().Name);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
