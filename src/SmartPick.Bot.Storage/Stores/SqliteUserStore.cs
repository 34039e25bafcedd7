using System.Text.Json;
using Microsoft.Data.Sqlite;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>Profiles and conversation state in SQLite, keyed by (platform, user id), written in one transaction.</summary>
public sealed class SqliteUserStore(SqliteDatabase database, TimeProvider clock) : IUserStore
{
    public async Task<UserState?> LoadAsync(UserKey user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.profile, c.intake_step, c.history, c.pending, c.proposal, c.recent_messages, c.last_replies
            FROM (SELECT $platform AS platform, $user AS user_id) k
            LEFT JOIN profiles p ON p.platform = k.platform AND p.user_id = k.user_id
            LEFT JOIN conversations c ON c.platform = k.platform AND c.user_id = k.user_id
            """;
        AddKey(command, user);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || (reader.IsDBNull(0) && reader.IsDBNull(2)))
        {
            return null;
        }

        var profile = reader.IsDBNull(0)
            ? new ApplicantProfile()
            : JsonSerializer.Deserialize<ApplicantProfile>(reader.GetString(0), ProfileJson.Options) ?? new ApplicantProfile();
        var conversation = reader.IsDBNull(2)
            ? ConversationState.Idle
            : new ConversationState(
                reader.IsDBNull(1) ? null : reader.GetString(1),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? [],
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4))
            {
                RecentMessageIds = reader.IsDBNull(5) ? [] : JsonSerializer.Deserialize<List<string>>(reader.GetString(5)) ?? [],
                LastReplies = reader.IsDBNull(6) ? null : reader.GetString(6),
            };
        return new UserState(profile, conversation);
    }

    public async Task SaveAsync(UserKey user, UserState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(state);
        var now = clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO profiles (platform, user_id, profile, updated_at) VALUES ($platform, $user, $profile, $now)
                ON CONFLICT (platform, user_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at;
                INSERT INTO conversations (platform, user_id, intake_step, history, pending, proposal, recent_messages, last_replies, updated_at)
                VALUES ($platform, $user, $step, $history, $pending, $proposal, $recent, $replies, $now)
                ON CONFLICT (platform, user_id) DO UPDATE SET intake_step = excluded.intake_step, history = excluded.history,
                    pending = excluded.pending, proposal = excluded.proposal, recent_messages = excluded.recent_messages,
                    last_replies = excluded.last_replies, updated_at = excluded.updated_at;
                """;
            AddKey(command, user);
            command.Parameters.AddWithValue("$profile", ProfileJson.Serialize(state.Profile));
            command.Parameters.AddWithValue("$step", (object?)state.Conversation.IntakeStep ?? DBNull.Value);
            command.Parameters.AddWithValue("$history", JsonSerializer.Serialize(state.Conversation.History));
            command.Parameters.AddWithValue("$pending", (object?)state.Conversation.Pending ?? DBNull.Value);
            command.Parameters.AddWithValue("$proposal", (object?)state.Conversation.Proposal ?? DBNull.Value);
            command.Parameters.AddWithValue("$recent", JsonSerializer.Serialize(state.Conversation.RecentMessageIds));
            command.Parameters.AddWithValue("$replies", (object?)state.Conversation.LastReplies ?? DBNull.Value);
            command.Parameters.AddWithValue("$now", now);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public async Task<bool> ForgetAsync(UserKey user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var deleted = 0;
        foreach (var table in (string[])["profiles", "conversations"])
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"DELETE FROM {table} WHERE platform = $platform AND user_id = $user;";
            AddKey(command, user);
            deleted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    private static void AddKey(SqliteCommand command, UserKey user)
    {
        command.Parameters.AddWithValue("$platform", user.Platform);
        command.Parameters.AddWithValue("$user", user.UserId);
    }
}
