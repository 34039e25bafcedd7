using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Stores;

/// <summary>Rows copied from another database that no port writes as they are (the <c>storage migrate</c> verb).</summary>
public sealed class PostgresImport(PostgresDatabase database, TimeProvider clock)
{
    /// <summary>Inserts a notification ledger row unless the target has one for (user, notice); true when inserted.</summary>
    public async Task<bool> TryInsertNoticeAsync(UserKey user, string notice, string status, DateTimeOffset claimedUntil, int attempts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresUserStore.UserCommand(connection, user, """
            INSERT INTO notification_ledger (platform, user_id, notice, status, claimed_until, attempts, updated_at)
            VALUES (@platform, @user, @notice, @status, @until, @attempts, @now)
            ON CONFLICT (platform, user_id, notice) DO NOTHING;
            """);
        command.Parameters.AddWithValue("notice", notice);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("until", claimedUntil.ToUniversalTime());
        command.Parameters.AddWithValue("attempts", attempts);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
