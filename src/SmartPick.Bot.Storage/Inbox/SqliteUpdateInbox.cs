using Microsoft.Data.Sqlite;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;

namespace SmartPick.Bot.Storage.Inbox;

/// <summary>
/// The durable inbox in the SQLite file. Every change is one statement, and SQLite runs one writer at a time, so a claim is
/// atomic also between processes sharing the file.
/// </summary>
public sealed class SqliteUpdateInbox(SqliteDatabase database, TimeProvider clock) : IUpdateInbox
{
    public async Task<bool> AddAsync(string source, long id, string chat, string payload, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "INSERT INTO inbox (source, id, chat, payload, received_at) VALUES ($source, $id, $chat, $payload, $now) ON CONFLICT (source, id) DO NOTHING;",
            c =>
            {
                c.Parameters.AddWithValue("$source", source);
                c.Parameters.AddWithValue("$id", id);
                c.Parameters.AddWithValue("$chat", chat);
                c.Parameters.AddWithValue("$payload", payload);
            },
            cancellationToken) == 1;

    public async Task<InboxItem?> ClaimAsync(string source, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE inbox SET claimed_by = $owner, claimed_until = $until, attempts = attempts + 1
            WHERE source = $source AND id = (
                SELECT i.id FROM inbox i
                WHERE i.source = $source AND i.done_at IS NULL AND (i.claimed_until IS NULL OR i.claimed_until <= $now)
                  AND NOT EXISTS (SELECT 1 FROM inbox e WHERE e.source = i.source AND e.chat = i.chat AND e.done_at IS NULL AND e.id < i.id)
                ORDER BY i.id LIMIT 1)
            RETURNING id, chat, payload, attempts;
            """;
        var now = clock.GetUtcNow();
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
        command.Parameters.AddWithValue("$until", SqliteTime.Format(now + lease));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new InboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3))
            : null;
    }

    public async Task<bool> RenewAsync(string source, long id, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE inbox SET claimed_until = $until WHERE source = $source AND id = $id AND claimed_by = $owner AND done_at IS NULL;",
            c =>
            {
                c.Parameters.AddWithValue("$source", source);
                c.Parameters.AddWithValue("$id", id);
                c.Parameters.AddWithValue("$owner", owner);
                c.Parameters.AddWithValue("$until", SqliteTime.Format(clock.GetUtcNow() + lease));
            },
            cancellationToken) == 1;

    public async Task<bool> CompleteAsync(string source, long id, string owner, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE inbox SET done_at = $now, claimed_by = NULL, claimed_until = NULL WHERE source = $source AND id = $id AND claimed_by = $owner AND done_at IS NULL;",
            c =>
            {
                c.Parameters.AddWithValue("$source", source);
                c.Parameters.AddWithValue("$id", id);
                c.Parameters.AddWithValue("$owner", owner);
            },
            cancellationToken) == 1;

    public Task<int> PurgeAsync(string source, DateTimeOffset before, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM inbox WHERE source = $source AND done_at IS NOT NULL AND done_at < $before;",
            c =>
            {
                c.Parameters.AddWithValue("$source", source);
                c.Parameters.AddWithValue("$before", SqliteTime.Format(before));
            },
            cancellationToken);

    private async Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$now", SqliteTime.Format(clock.GetUtcNow()));
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
