using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>Adapter bookkeeping (update offsets, gateway bookkeeping) in the same SQLite file.</summary>
public sealed class SqliteAdapterStateStore(SqliteDatabase database, TimeProvider clock) : IAdapterStateStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM adapter_state WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken) =>
        await ExecuteAsync("INSERT INTO adapter_state (key, value, updated_at) VALUES ($key, $value, $now) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;", key, value, null, cancellationToken);

    /// <summary>One statement, so atomic also between processes sharing the file.</summary>
    public async Task<bool> CompareAndSetAsync(string key, string? expected, string value, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            expected is null
                ? "INSERT INTO adapter_state (key, value, updated_at) VALUES ($key, $value, $now) ON CONFLICT (key) DO NOTHING;"
                : "UPDATE adapter_state SET value = $value, updated_at = $now WHERE key = $key AND value = $expected;",
            key, value, expected, cancellationToken) == 1;

    public async Task<long> IncrementAsync(string key, long delta, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO adapter_state (key, value, updated_at) VALUES ($key, CAST($delta AS TEXT), $now)
            ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(adapter_state.value AS INTEGER) + $delta AS TEXT), updated_at = excluded.updated_at
            RETURNING value;
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$delta", delta);
        command.Parameters.AddWithValue("$now", Now());
        return long.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> ExecuteAsync(string sql, string key, string value, string? expected, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$expected", (object?)expected ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string Now() => clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
