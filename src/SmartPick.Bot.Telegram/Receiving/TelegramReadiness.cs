using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartPick.Bot.Telegram.Receiving;

/// <summary>
/// Readiness of the Telegram adapter: polling whose last getUpdates succeeded, or a registered webhook. Set by the
/// receiving service; read by <c>/readyz</c>.
/// </summary>
public sealed class TelegramReadiness : IHealthCheck
{
    private volatile string? notReady = "not started";

    public void Ready() => notReady = null;

    public void NotReady(string reason) => notReady = reason;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(notReady is { } reason ? HealthCheckResult.Unhealthy(reason) : HealthCheckResult.Healthy("receiving updates"));
}
