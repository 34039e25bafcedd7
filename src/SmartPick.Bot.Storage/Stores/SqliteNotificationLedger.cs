using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>
/// The notification ledger in SQLite. A claim is one INSERT … ON CONFLICT DO UPDATE … WHERE statement (atomic: of two
/// claimants only one changes the row); the same statement works on PostgreSQL.
/// </summary>
public sealed class SqliteNotificationLedger(SqliteDatabase database, TimeProvider clock) : INotificationLedger
{
    public async Task<bool> TryClaimAsync(UserKey user, string notice, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = SqliteApplicantListStore.Command(connection, user, """
            INSERT INTO notification_ledger (platform, user_id, notice, status, claimed_until, attempts, updated_at)
            VALUES ($platform, $user, $notice, 'claimed', $until, 1, $now)
            ON CONFLICT (platform, user_id, notice) DO UPDATE SET status = 'claimed', claimed_until = excluded.claimed_until,
                attempts = notification_ledger.attempts + 1, updated_at = excluded.updated_at
            WHERE notification_ledger.status = 'released'
               OR (notification_ledger.status = 'claimed' AND notification_ledger.claimed_until <= $now);
            """);
        command.Parameters.AddWithValue("$notice", notice);
        command.Parameters.AddWithValue("$until", SqliteTime.Format(now + lease));
        command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task CompleteAsync(UserKey user, string notice, NoticeOutcome outcome, CancellationToken cancellationToken) =>
        SetStatusAsync(user, notice, outcome == NoticeOutcome.Sent ? "sent" : "unreachable", cancellationToken);

    public async Task ReleaseAsync(UserKey user, string notice, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = SqliteApplicantListStore.Command(connection, user, """
            UPDATE notification_ledger SET status = CASE WHEN attempts >= $max THEN 'failed' ELSE 'released' END, updated_at = $now
            WHERE platform = $platform AND user_id = $user AND notice = $notice AND status = 'claimed';
            """);
        command.Parameters.AddWithValue("$notice", notice);
        command.Parameters.AddWithValue("$max", maxAttempts);
        command.Parameters.AddWithValue("$now", SqliteTime.Format(clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task SetStatusAsync(UserKey user, string notice, string status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = SqliteApplicantListStore.Command(connection, user,
            "UPDATE notification_ledger SET status = $status, updated_at = $now WHERE platform = $platform AND user_id = $user AND notice = $notice;");
        command.Parameters.AddWithValue("$notice", notice);
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$now", SqliteTime.Format(clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
