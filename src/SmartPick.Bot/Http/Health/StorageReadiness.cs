using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Http.Telemetry;

namespace SmartPick.Bot.Http.Health;

/// <summary>Ready when the database answers a read through the same store the adapters use (any provider).</summary>
public sealed class StorageReadiness(IServiceScopeFactory scopes, BotMetrics metrics, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetService<IAdapterStateStore>();
            if (store is null)
            {
                return HealthCheckResult.Healthy("no database configured");
            }

            await store.GetAsync("health:probe", limit.Token);
            return HealthCheckResult.Healthy("database reachable");
        }
        catch (Exception ex) when (ex is DbException or IOException or InvalidOperationException
            || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            metrics.StorageError("readiness");
            return HealthCheckResult.Unhealthy(ex is OperationCanceledException ? "database did not answer within 5 s" : "database unreachable: " + ex.GetType().Name);
        }
    }
}
