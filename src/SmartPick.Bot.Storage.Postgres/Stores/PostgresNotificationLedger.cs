using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Stores;

/// <summary>
/// The notification ledger in PostgreSQL. A claim is one INSERT … ON CONFLICT DO UPDATE … WHERE: of two instances
/// claiming at once, the second waits for the first's row lock, re-checks the condition and changes nothing.
/// </summary>
public sealed class PostgresNotificationLedger(PostgresDatabase database, TimeProvider clock) : INotificationLedger
{
    public async Task<bool> TryClaimAsync(UserKey user, string notice, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresUserStore.UserCommand(connection, user, """
            INSERT INTO notification_ledger (platform, user_id, notice, status, claimed_until, attempts, updated_at)
            VALUES (@platform, @user, @notice, 'claimed', @until, 1, @now)
            ON CONFLICT (platform, user_id, notice) DO UPDATE SET status = 'claimed', claimed_until = excluded.claimed_until,
                attempts = notification_ledger.attempts + 1, updated_at = excluded.updated_at
            WHERE notification_ledger.status = 'released'
               OR (notification_ledger.status = 'claimed' AND notification_ledger.claimed_until <= @now);
            """);
        command.Parameters.AddWithValue("notice", notice);
        command.Parameters.AddWithValue("until", (now + lease).ToUniversalTime());
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task CompleteAsync(UserKey user, string notice, NoticeOutcome outcome, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresUserStore.UserCommand(connection, user,
            "UPDATE notification_ledger SET status = @status, updated_at = @now WHERE platform = @platform AND user_id = @user AND notice = @notice;");
        command.Parameters.AddWithValue("notice", notice);
        command.Parameters.AddWithValue("status", outcome == NoticeOutcome.Sent ? "sent" : "unreachable");
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ReleaseAsync(UserKey user, string notice, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresUserStore.UserCommand(connection, user, """
            UPDATE notification_ledger SET status = CASE WHEN attempts >= @max THEN 'failed' ELSE 'released' END, updated_at = @now
            WHERE platform = @platform AND user_id = @user AND notice = @notice AND status = 'claimed';
            """);
        command.Parameters.AddWithValue("notice", notice);
        command.Parameters.AddWithValue("max", maxAttempts);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
