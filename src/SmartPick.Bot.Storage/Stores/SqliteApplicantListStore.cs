using Microsoft.Data.Sqlite;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>The applicant's list in SQLite (table list_entries, deleted by <see cref="SqliteUserStore.ForgetAsync"/>).</summary>
public sealed class SqliteApplicantListStore(SqliteDatabase database) : IApplicantListStore
{
    public async Task<IReadOnlyList<ListEntry>> GetAsync(UserKey user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, user, "SELECT program_id, track, added_at FROM list_entries WHERE platform = $platform AND user_id = $user ORDER BY added_at, program_id, track;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ListEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ListEntry(reader.GetString(0), reader.GetString(1), SqliteTime.Parse(reader.GetString(2))));
        }

        return entries;
    }

    public async Task<bool> AddAsync(UserKey user, ListEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, user, """
            INSERT INTO list_entries (platform, user_id, program_id, track, added_at) VALUES ($platform, $user, $program, $track, $at)
            ON CONFLICT (platform, user_id, program_id, track) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$program", entry.ProgramId);
        command.Parameters.AddWithValue("$track", entry.Track);
        command.Parameters.AddWithValue("$at", SqliteTime.Format(entry.AddedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> RemoveAsync(UserKey user, string programId, string track, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, user, "DELETE FROM list_entries WHERE platform = $platform AND user_id = $user AND program_id = $program AND track = $track;");
        command.Parameters.AddWithValue("$program", programId);
        command.Parameters.AddWithValue("$track", track);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> ClearAsync(UserKey user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, user, "DELETE FROM list_entries WHERE platform = $platform AND user_id = $user;");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static SqliteCommand Command(SqliteConnection connection, UserKey user, string sql)
    {
        ArgumentNullException.ThrowIfNull(user);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$platform", user.Platform);
        command.Parameters.AddWithValue("$user", user.UserId);
        return command;
    }
}
