using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartPick.Bot.Discord.Gateway;

namespace SmartPick.Bot.Discord.Hosting;

/// <summary>Ready while the gateway session is live (READY or RESUMED received, connection not yet ended).</summary>
public sealed class DiscordReadiness(DiscordGatewayClient gateway) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(gateway.IsConnected
            ? HealthCheckResult.Healthy("gateway connected")
            : HealthCheckResult.Unhealthy(gateway.Connections == 0 ? "gateway not connected yet" : "gateway disconnected; reconnecting"));
}
