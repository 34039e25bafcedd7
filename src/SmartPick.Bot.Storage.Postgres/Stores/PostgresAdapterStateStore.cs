using System.Globalization;
using Npgsql;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Stores;

/// <summary>Adapter bookkeeping shared by every instance; compare-and-set and increment are single statements.</summary>
public sealed class PostgresAdapterStateStore(PostgresDatabase database, TimeProvider clock) : IAdapterStateStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT value FROM adapter_state WHERE key = @key;", connection);
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            INSERT INTO adapter_state (key, value, updated_at) VALUES (@key, @value, @now)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
            """, key, value, null, cancellationToken);

    public async Task<bool> CompareAndSetAsync(string key, string? expected, string value, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            expected is null
                ? "INSERT INTO adapter_state (key, value, updated_at) VALUES (@key, @value, @now) ON CONFLICT (key) DO NOTHING;"
                : "UPDATE adapter_state SET value = @value, updated_at = @now WHERE key = @key AND value = @expected;",
            key, value, expected, cancellationToken) == 1;

    public async Task<long> IncrementAsync(string key, long delta, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO adapter_state (key, value, updated_at) VALUES (@key, @delta::text, @now)
            ON CONFLICT (key) DO UPDATE SET value = (adapter_state.value::bigint + @delta)::text, updated_at = excluded.updated_at
            RETURNING value;
            """, connection);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("delta", delta);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        return long.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!, CultureInfo.InvariantCulture);
    }

    private async Task<int> ExecuteAsync(string sql, string key, string value, string? expected, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("value", value);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        if (expected is not null)
        {
            command.Parameters.AddWithValue("expected", expected);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
