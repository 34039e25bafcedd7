using Npgsql;
using SmartPick.Bot.Core.Corrections;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Stores;

/// <summary>Correction reports (/report) in PostgreSQL (table correction_reports, deleted by <see cref="PostgresUserStore.ForgetAsync"/> via the user hash).</summary>
public sealed class PostgresCorrectionStore(PostgresDatabase database) : ICorrectionStore
{
    private const string Columns = "id, program_id, program, text, user_hash, created_at";

    public async Task<CorrectionReport> AddAsync(CorrectionReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Insert(connection, report, "INSERT INTO correction_reports (user_hash, program_id, program, text, created_at) VALUES (@user, @id, @program, @text, @at) RETURNING id;");
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return report with { Id = id };
    }

    public async Task<int> CountAsync(string userHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM correction_reports WHERE user_hash = @user;", connection);
        command.Parameters.AddWithValue("user", userHash);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<CorrectionReport>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            since is null
                ? $"SELECT {Columns} FROM correction_reports ORDER BY created_at, id;"
                : $"SELECT {Columns} FROM correction_reports WHERE created_at >= @since ORDER BY created_at, id;",
            connection);
        if (since is { } s)
        {
            command.Parameters.AddWithValue("since", s.ToUniversalTime());
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reports = new List<CorrectionReport>();
        while (await reader.ReadAsync(cancellationToken))
        {
            reports.Add(new CorrectionReport(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return reports;
    }

    /// <summary>Copies a report from another database unless an identical one (user, program, text, time) is there; true when inserted (<c>storage migrate</c>).</summary>
    public async Task<bool> TryImportAsync(CorrectionReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Insert(connection, report, """
            INSERT INTO correction_reports (user_hash, program_id, program, text, created_at)
            SELECT @user, @id, @program, @text, @at
            WHERE NOT EXISTS (SELECT 1 FROM correction_reports WHERE user_hash = @user AND program_id IS NOT DISTINCT FROM @id
                AND program = @program AND text = @text AND created_at = @at);
            """);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Deletes the user's reports inside the caller's transaction (/forget, inactivity clean-up).</summary>
    internal static async Task<int> DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, UserKey user, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM correction_reports WHERE user_hash = @user;", connection, tx);
        command.Parameters.AddWithValue("user", UserHash.Of(user));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Insert(NpgsqlConnection connection, CorrectionReport report, string sql)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("user", report.UserHash);
        command.Parameters.Add(new NpgsqlParameter<string?>("id", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = report.ProgramId });
        command.Parameters.AddWithValue("program", report.Program);
        command.Parameters.AddWithValue("text", report.Text);
        command.Parameters.AddWithValue("at", report.CreatedAt.ToUniversalTime());
        return command;
    }
}
