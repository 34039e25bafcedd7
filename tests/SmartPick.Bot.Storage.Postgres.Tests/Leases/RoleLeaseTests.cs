using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SmartPick.Bot.Storage.Postgres.Leases;
using SmartPick.Bot.Storage.Postgres.Schema;
using SmartPick.Bot.Storage.Postgres.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.Storage.Postgres.Tests.Leases;

/// <summary>One Telegram poller across instances: the role passes on when its holder lets go or dies.</summary>
public sealed class RoleLeaseTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task ASecondInstanceWaits_UntilTheHolderReleasesTheRole()
    {
        using var storage = TestStorage.Create(TestStorage.Postgres);
        var first = Leases(storage);
        var second = Leases(storage);
        var held = await first.AcquireAsync("telegram:poller", CancellationToken.None);

        var waiting = second.AcquireAsync("telegram:poller", CancellationToken.None);
        await Task.Delay(Interval * 5);
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();

        await using var taken = await waiting.WaitAsync(Generous);
        Assert.False(taken.Lost.IsCancellationRequested);
    }

    [PostgresFact]
    public async Task WhenTheHoldersConnectionDies_AnotherInstanceTakesOver_AndTheHolderIsToldItLostTheRole()
    {
        // Arrange
        using var storage = TestStorage.Create(TestStorage.Postgres);
        var held = await Leases(storage).AcquireAsync("telegram:poller", CancellationToken.None);
        var waiting = Leases(storage).AcquireAsync("telegram:poller", CancellationToken.None);

        // Act: the holder's session ends as when its host is killed.
        var killed = Stopwatch.StartNew();
        await TerminateHolderAsync(storage.ConnectionString, PostgresRoleLeases.LockKey("telegram:poller"));
        await using var taken = await waiting.WaitAsync(Generous);
        output.WriteLine($"takeover after {killed.ElapsedMilliseconds} ms (check interval {Interval.TotalMilliseconds} ms)");

        // Assert
        Assert.False(taken.Lost.IsCancellationRequested);
        await Task.Delay(Timeout.Infinite, held.Lost).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(Generous);
        Assert.True(held.Lost.IsCancellationRequested);
        await held.DisposeAsync();
    }

    private static PostgresRoleLeases Leases(TestStorage storage) =>
        new((PostgresDatabase)storage.NewInstance().GetService(typeof(PostgresDatabase))!, TimeProvider.System, NullLogger<PostgresRoleLeases>.Instance, Interval);

    private static async Task TerminateHolderAsync(string connectionString, long key)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = @key;
            """, connection);
        command.Parameters.AddWithValue("key", key);
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }
}
