using Microsoft.Extensions.Logging.Abstractions;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Discord.Gateway;

namespace SmartPick.Bot.Discord.Tests.Gateway;

/// <summary>
/// The gateway client on an instance that shares shards with others through leases: it identifies as the shard it
/// leased, and when it can no longer renew that lease it closes the connection before the lease could expire, then
/// stands by instead of reconnecting to a shard another instance may now run.
/// </summary>
public sealed class ShardedGatewayTests
{
    [Fact]
    public async Task IdentifiesAsTheFreeShard_AndClosesBeforeItsLeaseCouldExpireWhenItCannotRenew()
    {
        // Arrange: two shards; another instance holds shard 0.
        MemoryLeases? leases = null;
        await using var harness = new GatewayHarness(shardCount: 2, shards: (options, time) =>
            new ShardLease(options, time, NullLogger<ShardLease>.Instance, leases = new MemoryLeases(time), new NoRoles()));
        await leases!.TryAcquireAsync("discord:shard:0", "other-instance", TimeSpan.FromHours(1), CancellationToken.None);
        await harness.StartAsync();
        var transport = await harness.Transports.NextAsync();
        transport.Hello();
        var identify = await transport.NextSentAsync();
        transport.Ready();
        await harness.NextDispatchAsync();
        var connectedAt = harness.Time.GetUtcNow();

        // Act: the database becomes unreachable for this instance.
        leases.Failing = true;
        await harness.Time.PumpUntilAsync(() => transport.ClosedWith is not null);
        var closedAfter = harness.Time.GetUtcNow() - connectedAt;
        leases.Steal("discord:shard:1", "other-instance"); // meanwhile the lease expired and another instance took the shard
        leases.Failing = false;
        await harness.Time.PumpUntilAsync(() => harness.Shards!.StandingBy);

        // Assert
        Assert.Equal("[1,2]", identify.GetProperty("d").GetProperty("shard").GetRawText());
        Assert.True(closedAfter < ShardLease.Duration, $"closed {closedAfter} after the last renewal; the lease lasts {ShardLease.Duration}");
        Assert.Null(harness.Client.ShardId);
        Assert.Equal(1, harness.Transports.Count);
    }

    /// <summary>Leases in memory on the test's clock (the storage implementations have their own contract tests).</summary>
    private sealed class MemoryLeases(TimeProvider clock) : ITimedLeases
    {
        private readonly Dictionary<string, (string Owner, DateTimeOffset Until)> held = [];

        public volatile bool Failing;

        public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
        {
            if (Failing)
            {
                throw new TimeoutException("database unreachable");
            }

            lock (held)
            {
                var now = clock.GetUtcNow();
                if (held.TryGetValue(name, out var lease) && lease.Owner != owner && lease.Until > now)
                {
                    return Task.FromResult(false);
                }

                held[name] = (owner, now + duration);
                return Task.FromResult(true);
            }
        }

        public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
        {
            lock (held)
            {
                if (held.TryGetValue(name, out var lease) && lease.Owner == owner)
                {
                    held.Remove(name);
                }
            }

            return Task.CompletedTask;
        }

        public void Steal(string name, string owner)
        {
            lock (held)
            {
                held[name] = (owner, clock.GetUtcNow() + TimeSpan.FromHours(1));
            }
        }
    }

    private sealed class NoRoles : IRoleLeases
    {
        public Task<RoleLease> AcquireAsync(string role, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
