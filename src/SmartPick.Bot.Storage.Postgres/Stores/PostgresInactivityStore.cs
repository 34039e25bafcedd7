using Npgsql;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Privacy;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Stores;

/// <summary>Inactivity in PostgreSQL: a user's last activity is the newest timestamp of their rows (notices sent to them excluded).</summary>
public sealed class PostgresInactivityStore(PostgresDatabase database) : IInactivityStore
{
    private const string Activity = """
        SELECT platform, user_id, updated_at AS at FROM profiles
        UNION ALL SELECT platform, user_id, updated_at FROM conversations
        UNION ALL SELECT platform, user_id, added_at FROM list_entries
        UNION ALL SELECT platform, user_id, updated_at FROM reminder_subscriptions
        """;

    public async Task<IReadOnlyList<InactiveUser>> FindInactiveAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT platform, user_id, max(at) AS last FROM ({Activity}) a GROUP BY platform, user_id HAVING max(at) < @before ORDER BY last LIMIT @limit;", connection);
        command.Parameters.AddWithValue("before", before.ToUniversalTime());
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<InactiveUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new InactiveUser(new UserKey(reader.GetString(0), reader.GetString(1)), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return users;
    }

    public async Task<bool> ForgetIfInactiveAsync(UserKey user, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);

        // Lock the profile row first, so a turn of a returning user (which updates it) either commits before this
        // check sees its timestamp, or waits and then finds the user gone (its save is refused by the version check).
        await using (var lockProfile = PostgresUserStore.UserCommand(connection, user, "SELECT 1 FROM profiles WHERE platform = @platform AND user_id = @user FOR UPDATE;", tx))
        {
            await lockProfile.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var check = PostgresUserStore.UserCommand(connection, user, $"SELECT max(at) FROM ({Activity}) a WHERE platform = @platform AND user_id = @user;", tx))
        {
            if (await check.ExecuteScalarAsync(cancellationToken) is not DateTime last || last >= before.UtcDateTime)
            {
                return false; // came back since it was found (or already gone)
            }
        }

        foreach (var table in PostgresUserStore.UserTables)
        {
            await using var delete = PostgresUserStore.UserCommand(connection, user, $"DELETE FROM {table} WHERE platform = @platform AND user_id = @user;", tx);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await PostgresCorrectionStore.DeleteAsync(connection, tx, user, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }
}
