using SmartPick.Bot.Core.Corrections;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>Correction reports in SQLite (table correction_reports, deleted by <see cref="SqliteUserStore.ForgetAsync"/> via the user hash).</summary>
public sealed class SqliteCorrectionStore(SqliteDatabase database) : ICorrectionStore
{
    public async Task<CorrectionReport> AddAsync(CorrectionReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO correction_reports (user_hash, program_id, program, text, created_at) VALUES ($user, $id, $program, $text, $at)
            RETURNING id;
            """;
        command.Parameters.AddWithValue("$user", report.UserHash);
        command.Parameters.AddWithValue("$id", (object?)report.ProgramId ?? DBNull.Value);
        command.Parameters.AddWithValue("$program", report.Program);
        command.Parameters.AddWithValue("$text", report.Text);
        command.Parameters.AddWithValue("$at", SqliteTime.Format(report.CreatedAt));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return report with { Id = id };
    }

    public async Task<int> CountAsync(string userHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM correction_reports WHERE user_hash = $user;";
        command.Parameters.AddWithValue("$user", userHash);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<IReadOnlyList<CorrectionReport>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken) => database.ListSinceAsync(
        "SELECT id, program_id, program, text, user_hash, created_at FROM correction_reports WHERE $since IS NULL OR created_at >= $since ORDER BY created_at, id;",
        since,
        r => new CorrectionReport(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), SqliteTime.Parse(r.GetString(5))),
        cancellationToken);

    /// <summary>Deletes the user's reports inside the caller's transaction (/forget, inactivity clean-up).</summary>
    internal static async Task<int> DeleteAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, Core.Messaging.UserKey user, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "DELETE FROM correction_reports WHERE user_hash = $user;";
        command.Parameters.AddWithValue("$user", UserHash.Of(user));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
