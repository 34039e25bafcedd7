using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Discord.Gateway;

/// <summary>
/// Which gateway shard this instance runs. Across instances (shared storage: <see cref="IRoleLeases"/> and
/// <see cref="ITimedLeases"/> registered) each shard is a lease "discord:shard:N" (owner, lease_until): an instance takes
/// the first free shard of <see cref="DiscordOptions.ShardCount"/>, renews it every <see cref="RenewEvery"/>, and stands
/// by while all are taken. A holder that stops releases its shard (the next instance takes it within
/// <see cref="StandbyPoll"/>); one that dies leaves it to expire after <see cref="Duration"/>. A holder that cannot renew
/// stops its connection before the lease could expire, so two instances never receive one shard's events. On one
/// instance (SQLite) it runs the configured <see cref="DiscordOptions.ShardId"/> without a lease.
/// </summary>
public sealed partial class ShardLease(IOptions<DiscordOptions> options, TimeProvider time, ILogger<ShardLease> logger, ITimedLeases? leases = null, IRoleLeases? shared = null)
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan StandbyPoll = TimeSpan.FromSeconds(1);

    /// <summary>This instance's name in the lease rows.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>True while every shard is held by other instances.</summary>
    public bool StandingBy { get; private set; }

    internal bool Coordinated => leases is not null && shared is not null;

    /// <summary>Waits for a shard; dispose the result to hand it over. Its <see cref="HeldShard.Lost"/> fires when it can no longer be renewed.</summary>
    public async Task<HeldShard> AcquireAsync(CancellationToken stopping)
    {
        if (!Coordinated)
        {
            return new HeldShard(options.Value.ShardId, () => Task.CompletedTask, CancellationToken.None);
        }

        var count = Math.Max(1, options.Value.ShardCount);
        while (true)
        {
            try
            {
                for (var shard = 0; shard < count; shard++)
                {
                    if (await leases!.TryAcquireAsync(Name(shard), Owner, Duration, stopping))
                    {
                        StandingBy = false;
                        LogAcquired(logger, shard, count);
                        return Hold(shard);
                    }
                }

                StandingBy = true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                // The database hands the shards out: without it this instance is not a working standby (not ready).
                StandingBy = false;
                LogRenewFailed(logger, ex, -1);
            }

            await Task.Delay(StandbyPoll, time, stopping);
        }
    }

    private static string Name(int shard) => "discord:shard:" + shard.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private HeldShard Hold(int shard)
    {
        var lost = new CancellationTokenSource();
        var stop = new CancellationTokenSource();
        var renewing = RenewAsync(shard, lost, stop.Token);
        return new HeldShard(shard, async () =>
        {
            await stop.CancelAsync();
            await renewing;
            try
            {
                await leases!.ReleaseAsync(Name(shard), Owner, CancellationToken.None);
                LogReleased(logger, shard);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRenewFailed(logger, ex, shard); // it expires on its own
            }

            lost.Dispose();
            stop.Dispose();
        }, lost.Token);
    }

    private async Task RenewAsync(int shard, CancellationTokenSource lost, CancellationToken stop)
    {
        var renewed = time.GetTimestamp();
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, time, stop);
                try
                {
                    if (await leases!.TryAcquireAsync(Name(shard), Owner, Duration, stop))
                    {
                        renewed = time.GetTimestamp();
                        continue;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRenewFailed(logger, ex, shard);
                    if (time.GetElapsedTime(renewed) < Duration - RenewEvery)
                    {
                        continue; // at least one renewal period is left before it could expire: try again
                    }
                }

                LogLost(logger, shard);
                await lost.CancelAsync();
                return;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Released.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: this instance runs shard {ShardId} of {ShardCount}")]
    private static partial void LogAcquired(ILogger logger, int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: released shard {ShardId}")]
    private static partial void LogReleased(ILogger logger, int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: the shard lease {ShardId} could not be taken or renewed (-1: any shard)")]
    private static partial void LogRenewFailed(ILogger logger, Exception ex, int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: lost the lease of shard {ShardId}; closing its connection")]
    private static partial void LogLost(ILogger logger, int shardId);
}

/// <summary>A shard this instance runs until <see cref="Lost"/> fires or it is disposed (released).</summary>
public sealed class HeldShard(int shardId, Func<Task> release, CancellationToken lost) : IAsyncDisposable
{
    private Func<Task>? pending = release;

    public int ShardId { get; } = shardId;

    public CancellationToken Lost { get; } = lost;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref pending, null) is { } release)
        {
            await release();
        }
    }
}
