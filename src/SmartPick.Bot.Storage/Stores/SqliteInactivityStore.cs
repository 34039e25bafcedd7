using Microsoft.Data.Sqlite;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Privacy;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>Inactivity in SQLite: a user's last activity is the newest timestamp of their rows (notices sent to them excluded).</summary>
public sealed class SqliteInactivityStore(SqliteDatabase database) : IInactivityStore
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
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT platform, user_id, MAX(at) AS last FROM ({Activity}) GROUP BY platform, user_id HAVING last < $before ORDER BY last LIMIT $limit;";
        command.Parameters.AddWithValue("$before", SqliteTime.Format(before));
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<InactiveUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new InactiveUser(new UserKey(reader.GetString(0), reader.GetString(1)), SqliteTime.Parse(reader.GetString(2))));
        }

        return users;
    }

    public async Task<bool> ForgetIfInactiveAsync(UserKey user, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var check = SqliteApplicantListStore.Command(connection, user, $"SELECT MAX(at) FROM ({Activity}) WHERE platform = $platform AND user_id = $user;"))
        {
            check.Transaction = tx;
            if (await check.ExecuteScalarAsync(cancellationToken) is not string last || string.CompareOrdinal(last, SqliteTime.Format(before)) >= 0)
            {
                return false; // came back since it was found (or already gone)
            }
        }

        foreach (var table in SqliteUserStore.UserTables)
        {
            await using var delete = SqliteApplicantListStore.Command(connection, user, $"DELETE FROM {table} WHERE platform = $platform AND user_id = $user;");
            delete.Transaction = tx;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await SqliteCorrectionStore.DeleteAsync(connection, tx, user, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }
}
