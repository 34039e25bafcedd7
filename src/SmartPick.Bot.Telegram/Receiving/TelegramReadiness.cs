using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartPick.Bot.Telegram.Receiving;

/// <summary>
/// Readiness of the Telegram adapter: polling whose last getUpdates succeeded, a registered webhook, or a standby
/// instance (several instances on PostgreSQL: another one holds the poller role and this one, its token checked and
/// its database reachable, takes over when that one stops). Set by the receiving service; read by <c>/readyz</c>.
/// </summary>
public sealed class TelegramReadiness : IHealthCheck
{
    private static readonly HealthCheckResult Receiving = HealthCheckResult.Healthy("receiving updates");
    private static readonly HealthCheckResult Waiting = HealthCheckResult.Healthy("standby: another instance polls Telegram; this one takes over when it stops");
    private volatile StrongBox state = new(HealthCheckResult.Unhealthy("not started"));

    public void Ready() => state = new(Receiving);

    public void Standby() => state = new(Waiting);

    public void NotReady(string reason) => state = new(HealthCheckResult.Unhealthy(reason));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Result);

    private sealed record StrongBox(HealthCheckResult Result);
}
