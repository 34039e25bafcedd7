using Npgsql;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Leases;

/// <summary>
/// Token buckets in one row each, shared by every instance. A reservation is one upsert: refill by the time passed, take
/// one token, and let the balance go negative — a negative balance is the queue, and the caller waits until its token
/// would have been refilled. Clock: the instances' (NTP-synchronized) clocks; the refill time never moves backwards.
/// </summary>
public sealed class PostgresSendBudget(PostgresDatabase database, TimeProvider clock) : ISendBudget
{
    public async Task<TimeSpan> ReserveAsync(string bucket, double perSecond, int burst, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO send_budget (bucket, tokens, refreshed_at) VALUES (@bucket, @burst - 1, @now)
            ON CONFLICT (bucket) DO UPDATE SET
                tokens = least(@burst, send_budget.tokens + greatest(0, extract(epoch FROM @now - send_budget.refreshed_at)::double precision) * @rate) - 1,
                refreshed_at = greatest(send_budget.refreshed_at, @now)
            RETURNING tokens;
            """, connection);
        command.Parameters.AddWithValue("bucket", bucket);
        command.Parameters.AddWithValue("burst", (double)burst);
        command.Parameters.AddWithValue("rate", perSecond);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        var tokens = (double)(await command.ExecuteScalarAsync(cancellationToken))!;
        return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / perSecond);
    }
}
