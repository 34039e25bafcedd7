using Npgsql;
using NpgsqlTypes;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Leases;

/// <summary>
/// Sliding windows in one row each, shared by every instance. A take is one upsert: under the row lock it keeps the
/// counted times still inside the window, appends now when fewer than the limit remain, else records the refusal; the
/// row's <c>outcome</c> column hands that decision back (PostgreSQL 15 has no OLD in RETURNING). Rows that no longer
/// hold anything inside a window (<c>expires_at</c>) are deleted by <see cref="RateWindowsCleanup"/> every five minutes,
/// even when no group message comes (a row holds a platform user id). Clock: the instances' (NTP-synchronized) clocks,
/// as for <see cref="PostgresSendBudget"/>.
/// </summary>
public sealed class PostgresRateWindows(PostgresDatabase database, TimeProvider clock) : IRateWindows
{

    public async Task<WindowTake> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO rate_windows AS w (key, times, refused_at, outcome, expires_at)
            VALUES (@key, ARRAY[@now], NULL, 0, @now + @window)
            ON CONFLICT (key) DO UPDATE SET
                times = CASE WHEN cardinality(ARRAY(SELECT t FROM unnest(w.times) t WHERE t > @since)) < @limit
                    THEN ARRAY(SELECT t FROM unnest(w.times) t WHERE t > @since ORDER BY t) || @now
                    ELSE ARRAY(SELECT t FROM unnest(w.times) t WHERE t > @since ORDER BY t) END,
                outcome = CASE WHEN cardinality(ARRAY(SELECT t FROM unnest(w.times) t WHERE t > @since)) < @limit THEN 0
                    WHEN w.refused_at > @since THEN 2 ELSE 1 END,
                refused_at = CASE WHEN cardinality(ARRAY(SELECT t FROM unnest(w.times) t WHERE t > @since)) < @limit
                    OR w.refused_at > @since THEN w.refused_at ELSE @now END,
                expires_at = greatest(w.expires_at, @now + @window)
            RETURNING outcome, times[1];
            """, connection);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("since", now - window);
        command.Parameters.AddWithValue("window", NpgsqlDbType.Interval, window);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var outcome = (WindowOutcome)reader.GetInt16(0);
        if (outcome == WindowOutcome.Taken)
        {
            return new WindowTake(outcome, TimeSpan.Zero);
        }

        // Refused: times holds the counted takes inside the window, oldest first; a take succeeds once it leaves.
        var wait = reader.IsDBNull(1) ? window : reader.GetFieldValue<DateTimeOffset>(1) + window - now;
        return new WindowTake(outcome, wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }

    /// <summary>Deletes the windows with nothing left inside them; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var purge = new NpgsqlCommand("DELETE FROM rate_windows WHERE expires_at <= @now;", connection);
        purge.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await purge.ExecuteNonQueryAsync(cancellationToken);
    }
}
