using System.Globalization;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Discord.Hosting;
using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Gateway;

/// <summary>
/// Guards fresh IDENTIFYs: one per 5 s (max_concurrency 1 for our single shard), waits when Discord reports no
/// remaining session starts, and counts identifies per UTC day durably to stop a restart loop before Discord resets
/// the token (the counter is shared by instances on one store). Across instances (<paramref name="shards"/> coordinated)
/// the 5 s spacing is per <c>max_concurrency</c> bucket (shard_id % max_concurrency) and held in the database: an identify
/// takes the lease "discord:identify:BUCKET" for 5 s and never releases it, so no instance identifies in that bucket
/// before it expires.
/// </summary>
public sealed class IdentifyGate(TimeProvider time, DiscordStateStore state, IOptions<DiscordOptions> options, ShardLease? shards = null, ITimedLeases? leases = null)
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SlotPoll = TimeSpan.FromMilliseconds(250);
    private long lastIdentify;

    public Task WaitAsync(SessionStartLimit limit, CancellationToken cancellationToken) => WaitAsync(limit, options.Value.ShardId, cancellationToken);

    public async Task WaitAsync(SessionStartLimit limit, int shardId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        if (shards?.Coordinated == true && leases is not null)
        {
            var slot = "discord:identify:" + (shardId % Math.Max(1, limit.MaxConcurrency)).ToString(CultureInfo.InvariantCulture);
            while (!await leases.TryAcquireAsync(slot, shards.Owner + ":" + Guid.NewGuid().ToString("N"), Spacing, cancellationToken))
            {
                await Task.Delay(SlotPoll, time, cancellationToken);
            }
        }
        else if (lastIdentify != 0 && time.GetElapsedTime(lastIdentify) is var since && since < Spacing)
        {
            await Task.Delay(Spacing - since, time, cancellationToken);
        }

        if (limit.Remaining <= 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(limit.ResetAfter), time, cancellationToken);
        }

        var key = "discord:identify:" + time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Counted before sending, in one atomic step, so instances sharing the store cannot both take the last one.
        var max = options.Value.MaxIdentifiesPerDay;
        if (await state.IncrementAsync(key, cancellationToken) > max)
        {
            throw new GatewayFatalException(null, $"identify budget for today spent ({max}); raise SmartPick:Discord:MaxIdentifiesPerDay only after finding the restart loop");
        }

        lastIdentify = time.GetTimestamp();
    }
}
