using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;

namespace SmartPick.Bot.Storage.Leases;

/// <summary>Named time leases in the SQLite file; taking one is a single upsert, atomic between processes on the file.</summary>
public sealed class SqliteTimedLeases(SqliteDatabase database, TimeProvider clock) : ITimedLeases
{
    public async Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO leases (name, owner, lease_until) VALUES ($name, $owner, $until)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
            WHERE leases.owner = excluded.owner OR leases.lease_until <= $now;
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
        command.Parameters.AddWithValue("$until", SqliteTime.Format(now + duration));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM leases WHERE name = $name AND owner = $owner;";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
