using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Stores;

/// <summary>The applicant's list in PostgreSQL (table list_entries, deleted by <see cref="PostgresUserStore.ForgetAsync"/>).</summary>
public sealed class PostgresApplicantListStore(PostgresDatabase database) : IApplicantListStore
{
    public async Task<IReadOnlyList<ListEntry>> GetAsync(UserKey user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresUserStore.UserCommand(connection, user, "SELECT program_id, track, added_at FROM list_entries WHERE platform = @platform AND user_id = @user ORDER BY added_at, program_id, track;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ListEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ListEntry(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return entries;
    }

    public async Task<bool> AddAsync(UserKey user, ListEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresUserStore.UserCommand(connection, user, """
            INSERT INTO list_entries (platform, user_id, program_id, track, added_at) VALUES (@platform, @user, @program, @track, @at)
            ON CONFLICT (platform, user_id, program_id, track) DO NOTHING;
            """);
        command.Parameters.AddWithValue("program", entry.ProgramId);
        command.Parameters.AddWithValue("track", entry.Track);
        command.Parameters.AddWithValue("at", entry.AddedAt.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> RemoveAsync(UserKey user, string programId, string track, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresUserStore.UserCommand(connection, user, "DELETE FROM list_entries WHERE platform = @platform AND user_id = @user AND program_id = @program AND track = @track;");
        command.Parameters.AddWithValue("program", programId);
        command.Parameters.AddWithValue("track", track);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> ClearAsync(UserKey user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresUserStore.UserCommand(connection, user, "DELETE FROM list_entries WHERE platform = @platform AND user_id = @user;");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
