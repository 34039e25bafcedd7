using Npgsql;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Leases;

/// <summary>Named time leases shared by every instance; taking or renewing one is a single upsert.</summary>
public sealed class PostgresTimedLeases(PostgresDatabase database, TimeProvider clock) : ITimedLeases
{
    public async Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO leases (name, owner, lease_until) VALUES (@name, @owner, @until)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
            WHERE leases.owner = excluded.owner OR leases.lease_until <= @now;
            """, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("until", now + duration);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM leases WHERE name = @name AND owner = @owner;", connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
