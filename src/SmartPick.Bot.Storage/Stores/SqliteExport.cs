using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>Lists what a SQLite database holds, for copying it to another provider (the <c>storage migrate</c> verb).</summary>
public sealed class SqliteExport(SqliteDatabase database)
{
    /// <summary>Every user with a stored profile or conversation; load each through <see cref="SqliteUserStore"/>.</summary>
    public async Task<IReadOnlyList<UserKey>> UsersAsync(CancellationToken cancellationToken)
    {
        var users = new List<UserKey>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT platform, user_id FROM profiles UNION SELECT platform, user_id FROM conversations ORDER BY 1, 2;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new UserKey(reader.GetString(0), reader.GetString(1)));
        }

        return users;
    }

    /// <summary>Every notification ledger row, so a copy never sends a reminder or warning the source already sent.</summary>
    public async Task<IReadOnlyList<ExportedNotice>> NoticesAsync(CancellationToken cancellationToken)
    {
        var notices = new List<ExportedNotice>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT platform, user_id, notice, status, claimed_until, attempts FROM notification_ledger ORDER BY 1, 2, 3;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            notices.Add(new(new UserKey(reader.GetString(0), reader.GetString(1)), reader.GetString(2), reader.GetString(3), SqliteTime.Parse(reader.GetString(4)), reader.GetInt32(5)));
        }

        return notices;
    }

    /// <summary>Every adapter bookkeeping entry (update offsets, identify counters, command hashes).</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> AdapterStateAsync(CancellationToken cancellationToken)
    {
        var entries = new List<KeyValuePair<string, string>>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM adapter_state ORDER BY key;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new(reader.GetString(0), reader.GetString(1)));
        }

        return entries;
    }
}

/// <summary>One notification ledger row as stored (status: claimed, released, sent, unreachable, failed).</summary>
public sealed record ExportedNotice(UserKey User, string Notice, string Status, DateTimeOffset ClaimedUntil, int Attempts);
