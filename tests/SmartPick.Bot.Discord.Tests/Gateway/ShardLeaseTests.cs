using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Storage;
using SmartPick.Bot.Storage.Leases;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Discord.Tests.Gateway;

/// <summary>
/// Shards handed out by lease among instances sharing a database (here several lease clients on one SQLite file, as
/// separate processes would be): each shard has one holder, a spare instance stands by, a stopping holder hands its shard
/// over, and a holder that cannot renew gives its shard up before anyone else may take it.
/// </summary>
public sealed class ShardLeaseTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-shards-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 22, 0, 0, TimeSpan.Zero));
    private readonly List<SqliteDatabase> _databases = [];

    [Fact]
    public async Task TwoShardsThreeInstances_EachShardHasOneHolder_AndTheSpareTakesAShardItsHolderReleases()
    {
        // Arrange
        var a = Instance(shardCount: 2);
        var b = Instance(shardCount: 2);
        var spare = Instance(shardCount: 2);
        var first = await a.AcquireAsync(CancellationToken.None);
        var second = await b.AcquireAsync(CancellationToken.None);

        // Act
        var waiting = spare.AcquireAsync(CancellationToken.None);
        await EventuallyAsync(() => spare.StandingBy);
        await first.DisposeAsync(); // a deploy stops the first instance
        var takenOver = await AdvanceUntilAsync(waiting);

        // Assert
        Assert.Equal((0, 1), (first.ShardId, second.ShardId));
        Assert.Equal(0, takenOver.ShardId);
        Assert.False(spare.StandingBy);
    }

    [Fact]
    public async Task AHolderThatCannotRenew_StopsBeforeItsLeaseExpires_SoTwoInstancesNeverRunOneShard()
    {
        // Arrange: one shard; the holder's database becomes unreachable.
        var broken = new SwitchableLeases(Leases());
        var holder = Instance(broken);
        var spare = Instance();
        var held = await holder.AcquireAsync(CancellationToken.None);
        var waiting = spare.AcquireAsync(CancellationToken.None);
        await EventuallyAsync(() => spare.StandingBy);
        broken.Fail = true;

        // Act: time passes second by second; note when the holder gives up and when the spare gets the shard.
        DateTimeOffset? gaveUp = null;
        while (!waiting.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
            gaveUp ??= held.Lost.IsCancellationRequested ? _clock.GetUtcNow() : null;
            Assert.True(_clock.GetUtcNow() < new DateTimeOffset(2026, 12, 4, 22, 5, 0, TimeSpan.Zero), "the spare never got the shard");
        }

        var takenAt = _clock.GetUtcNow();

        // Assert
        Assert.NotNull(gaveUp);
        Assert.True(gaveUp < takenAt, $"holder gave up at {gaveUp:T}, the spare took over at {takenAt:T}");
        Assert.Equal(0, (await waiting).ShardId);
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private ShardLease Instance(ITimedLeases? leases = null, int shardCount = 1) =>
        new(Options.Create(new DiscordOptions { Token = "t", ShardCount = shardCount }), _clock, NullLogger<ShardLease>.Instance, leases ?? Leases(), new NoRoles());

    private SqliteTimedLeases Leases()
    {
        var database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_dir, "s.db")}" }), NullLogger<SqliteDatabase>.Instance);
        _databases.Add(database);
        return new SqliteTimedLeases(database, _clock);
    }

    private async Task<T> AdvanceUntilAsync<T>(Task<T> task)
    {
        using var timeout = new CancellationTokenSource(Generous);
        while (!task.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(20, timeout.Token);
        }

        return await task;
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Generous);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Marks storage shared by several instances (PostgreSQL registers role leases); never called here.</summary>
    private sealed class NoRoles : IRoleLeases
    {
        public Task<RoleLease> AcquireAsync(string role, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class SwitchableLeases(ITimedLeases inner) : ITimedLeases
    {
        public volatile bool Fail;

        public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken) =>
            Fail ? throw new TimeoutException("database unreachable") : inner.TryAcquireAsync(name, owner, duration, cancellationToken);

        public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken) =>
            Fail ? throw new TimeoutException("database unreachable") : inner.ReleaseAsync(name, owner, cancellationToken);
    }
}
