using Npgsql;
using SmartPick.Bot.Core.Servers.Feedback;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Stores;

/// <summary>
/// Answer votes in PostgreSQL (feedback_votes: no user id) and the 24-hour voter hashes that stop double votes
/// (feedback_voters; of two instances inserting the same hash at once, the second waits and inserts nothing).
/// </summary>
public sealed class PostgresFeedbackStore(PostgresDatabase database) : IFeedbackStore
{
    public async Task<bool> TryAddAsync(string voterHash, FeedbackVote vote, DateTimeOffset keepKeyUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var purge = new NpgsqlCommand("DELETE FROM feedback_voters WHERE expires_at <= @now;", connection, tx))
        {
            purge.Parameters.AddWithValue("now", vote.At.ToUniversalTime());
            await purge.ExecuteNonQueryAsync(cancellationToken);
        }

        bool fresh;
        await using (var claim = new NpgsqlCommand("INSERT INTO feedback_voters (voter_hash, expires_at) VALUES (@voter, @until) ON CONFLICT (voter_hash) DO NOTHING;", connection, tx))
        {
            claim.Parameters.AddWithValue("voter", voterHash);
            claim.Parameters.AddWithValue("until", keepKeyUntil.ToUniversalTime());
            fresh = await claim.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        if (fresh)
        {
            await using var insert = Insert(connection, vote, "INSERT INTO feedback_votes (platform, sections, helpful, created_at) VALUES (@platform, @sections, @helpful, @at);", tx);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return fresh;
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM feedback_voters WHERE expires_at <= @now;", connection);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackVote>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT platform, sections, helpful, created_at FROM feedback_votes WHERE @since::timestamptz IS NULL OR created_at >= @since ORDER BY created_at, id;", connection);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("since", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = since?.ToUniversalTime() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var votes = new List<FeedbackVote>();
        while (await reader.ReadAsync(cancellationToken))
        {
            votes.Add(new FeedbackVote(reader.GetString(0), reader.GetString(1).Split(','), reader.GetBoolean(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return votes;
    }

    /// <summary>Copies a vote from another database (<c>storage migrate</c>) unless an identical one is there; true when copied.</summary>
    public async Task<bool> TryImportAsync(FeedbackVote vote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Insert(connection, vote, """
            INSERT INTO feedback_votes (platform, sections, helpful, created_at) SELECT @platform, @sections, @helpful, @at
            WHERE NOT EXISTS (SELECT 1 FROM feedback_votes WHERE platform = @platform AND sections = @sections AND helpful = @helpful AND created_at = @at);
            """);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task AddSharedAsync(SharedQuestion question, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = InsertShared(connection, question, "INSERT INTO shared_questions (platform, question, sections, created_at) VALUES (@platform, @question, @sections, @at);");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SharedQuestion>> ListSharedAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT platform, question, sections, created_at FROM shared_questions WHERE @since::timestamptz IS NULL OR created_at >= @since ORDER BY created_at, id;", connection);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("since", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = since?.ToUniversalTime() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var questions = new List<SharedQuestion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            questions.Add(new SharedQuestion(reader.GetString(0), reader.GetString(1), reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return questions;
    }

    /// <summary>Copies a shared question from another database (<c>storage migrate</c>) unless an identical one is there; true when copied.</summary>
    public async Task<bool> TryImportSharedAsync(SharedQuestion question, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = InsertShared(connection, question, """
            INSERT INTO shared_questions (platform, question, sections, created_at) SELECT @platform, @question, @sections, @at
            WHERE NOT EXISTS (SELECT 1 FROM shared_questions WHERE platform = @platform AND question = @question AND sections = @sections AND created_at = @at);
            """);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static NpgsqlCommand InsertShared(NpgsqlConnection connection, SharedQuestion question, string sql)
    {
        ArgumentNullException.ThrowIfNull(question);
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("platform", question.Platform);
        command.Parameters.AddWithValue("question", question.Text);
        command.Parameters.AddWithValue("sections", string.Join(',', question.Sections));
        command.Parameters.AddWithValue("at", question.At.ToUniversalTime());
        return command;
    }

    private static NpgsqlCommand Insert(NpgsqlConnection connection, FeedbackVote vote, string sql, NpgsqlTransaction? tx = null)
    {
        var command = new NpgsqlCommand(sql, connection, tx);
        command.Parameters.AddWithValue("platform", vote.Platform);
        command.Parameters.AddWithValue("sections", string.Join(',', vote.Sections));
        command.Parameters.AddWithValue("helpful", vote.Helpful);
        command.Parameters.AddWithValue("at", vote.At.ToUniversalTime());
        return command;
    }
}
