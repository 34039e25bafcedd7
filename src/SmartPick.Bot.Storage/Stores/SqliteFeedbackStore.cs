using SmartPick.Bot.Core.Servers.Feedback;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>
/// Answer votes (table feedback_votes: platform, sections, vote, time — no user id) and the 24-hour voter hashes that
/// stop double votes (table feedback_voters, expired rows deleted on every vote).
/// </summary>
public sealed class SqliteFeedbackStore(SqliteDatabase database) : IFeedbackStore
{
    public async Task<bool> TryAddAsync(string voterHash, FeedbackVote vote, DateTimeOffset keepKeyUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            DELETE FROM feedback_voters WHERE expires_at <= $now;
            INSERT INTO feedback_voters (voter_hash, expires_at) VALUES ($voter, $until) ON CONFLICT (voter_hash) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$now", SqliteTime.Format(vote.At));
        command.Parameters.AddWithValue("$voter", voterHash);
        command.Parameters.AddWithValue("$until", SqliteTime.Format(keepKeyUntil));
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = "SELECT changes();";
        var fresh = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
        if (fresh)
        {
            command.CommandText = "INSERT INTO feedback_votes (platform, sections, helpful, created_at) VALUES ($platform, $sections, $helpful, $now);";
            command.Parameters.AddWithValue("$platform", vote.Platform);
            command.Parameters.AddWithValue("$sections", string.Join(',', vote.Sections));
            command.Parameters.AddWithValue("$helpful", vote.Helpful ? 1 : 0);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return fresh;
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM feedback_voters WHERE expires_at <= $now;";
        command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<FeedbackVote>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken) => database.ListSinceAsync(
        "SELECT platform, sections, helpful, created_at FROM feedback_votes WHERE $since IS NULL OR created_at >= $since ORDER BY created_at, id;",
        since,
        r => new FeedbackVote(r.GetString(0), r.GetString(1).Split(','), r.GetInt64(2) != 0, SqliteTime.Parse(r.GetString(3))),
        cancellationToken);

    public async Task AddSharedAsync(SharedQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO shared_questions (platform, question, sections, created_at) VALUES ($platform, $question, $sections, $at);";
        command.Parameters.AddWithValue("$platform", question.Platform);
        command.Parameters.AddWithValue("$question", question.Text);
        command.Parameters.AddWithValue("$sections", string.Join(',', question.Sections));
        command.Parameters.AddWithValue("$at", SqliteTime.Format(question.At));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<SharedQuestion>> ListSharedAsync(DateTimeOffset? since, CancellationToken cancellationToken) => database.ListSinceAsync(
        "SELECT platform, question, sections, created_at FROM shared_questions WHERE $since IS NULL OR created_at >= $since ORDER BY created_at, id;",
        since,
        r => new SharedQuestion(r.GetString(0), r.GetString(1), r.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries), SqliteTime.Parse(r.GetString(3))),
        cancellationToken);
}
