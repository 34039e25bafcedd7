using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartPick.Bot.Discord.Gateway;

namespace SmartPick.Bot.Discord.Hosting;

/// <summary>
/// Ready while the gateway session is live (READY or RESUMED received, connection not yet ended), or while standing by
/// because other instances hold every shard (such an instance serves HTTP interactions and takes a shard when one is freed).
/// </summary>
public sealed class DiscordReadiness(DiscordGatewayClient gateway, ShardLease? shards = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            gateway.IsConnected ? HealthCheckResult.Healthy("gateway connected")
            : shards?.StandingBy == true && gateway.ShardId is null ? HealthCheckResult.Healthy("standby: every shard is held by another instance")
            : HealthCheckResult.Unhealthy(gateway.Connections == 0 ? "gateway not connected yet" : "gateway disconnected; reconnecting"));
}
