using Npgsql;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Inbox;

/// <summary>
/// The durable inbox shared by every instance. A claim locks its candidate row with <c>FOR UPDATE SKIP LOCKED</c>, so
/// workers racing for the same chat never both get it: the loser skips to another chat (a later item of the same chat is
/// not a candidate while an earlier one is open). Storing or finishing an item notifies <see cref="PostgresInboxSignals"/>
/// in the same statement, so idle workers on every instance look at once.
/// </summary>
public sealed class PostgresUpdateInbox(PostgresDatabase database, TimeProvider clock) : IUpdateInbox
{
    public async Task<bool> AddAsync(string source, long id, string chat, string payload, CancellationToken cancellationToken) =>
        await CountAsync(
            $"""
            WITH added AS (
                INSERT INTO inbox (source, id, chat, payload, received_at) VALUES (@source, @id, @chat, @payload, @now)
                ON CONFLICT (source, id) DO NOTHING RETURNING source)
            SELECT count(pg_notify('{PostgresInboxSignals.Channel}', source)) FROM added;
            """,
            c =>
            {
                c.Parameters.AddWithValue("source", source);
                c.Parameters.AddWithValue("id", id);
                c.Parameters.AddWithValue("chat", chat);
                c.Parameters.AddWithValue("payload", payload);
            },
            cancellationToken) == 1;

    public async Task<InboxItem?> ClaimAsync(string source, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE inbox SET claimed_by = @owner, claimed_until = @until, attempts = attempts + 1
            WHERE source = @source AND id = (
                SELECT i.id FROM inbox i
                WHERE i.source = @source AND i.done_at IS NULL AND (i.claimed_until IS NULL OR i.claimed_until <= @now)
                  AND NOT EXISTS (SELECT 1 FROM inbox e WHERE e.source = i.source AND e.chat = i.chat AND e.done_at IS NULL AND e.id < i.id)
                ORDER BY i.id LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, chat, payload, attempts;
            """, connection);
        var now = clock.GetUtcNow();
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("until", now + lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new InboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3))
            : null;
    }

    public async Task<bool> RenewAsync(string source, long id, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE inbox SET claimed_until = @until WHERE source = @source AND id = @id AND claimed_by = @owner AND done_at IS NULL;",
            c =>
            {
                c.Parameters.AddWithValue("source", source);
                c.Parameters.AddWithValue("id", id);
                c.Parameters.AddWithValue("owner", owner);
                c.Parameters.AddWithValue("until", clock.GetUtcNow() + lease);
            },
            cancellationToken) == 1;

    public async Task<bool> CompleteAsync(string source, long id, string owner, CancellationToken cancellationToken) =>
        await CountAsync(
            $"""
            WITH done AS (
                UPDATE inbox SET done_at = @now, claimed_by = NULL, claimed_until = NULL
                WHERE source = @source AND id = @id AND claimed_by = @owner AND done_at IS NULL RETURNING source)
            SELECT count(pg_notify('{PostgresInboxSignals.Channel}', source)) FROM done;
            """,
            c =>
            {
                c.Parameters.AddWithValue("source", source);
                c.Parameters.AddWithValue("id", id);
                c.Parameters.AddWithValue("owner", owner);
            },
            cancellationToken) == 1;

    public Task<int> PurgeAsync(string source, DateTimeOffset before, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM inbox WHERE source = @source AND done_at < @before;",
            c =>
            {
                c.Parameters.AddWithValue("source", source);
                c.Parameters.AddWithValue("before", before);
            },
            cancellationToken);

    private async Task<int> ExecuteAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a statement that selects how many rows it changed (and notified <see cref="PostgresInboxSignals"/> of).</summary>
    private async Task<long> CountAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        bind(command);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
