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
            SELECT p.profile, c.intake_step, c.history, c.pending, c.proposal, c.recent_messages, c.last_replies, p.version, c.offers
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
                Offers = reader.IsDBNull(8) ? [] : JsonSerializer.Deserialize<List<OfferedChoices>>(reader.GetString(8)) ?? [],
            };
        return new UserState(profile, conversation) { Version = reader.IsDBNull(7) ? 0 : reader.GetInt64(7) };
    }

    public Task SaveAsync(UserKey user, UserState state, CancellationToken cancellationToken) =>
        WriteAsync(user, state, expectedVersion: null, cancellationToken);

    public Task<bool> TrySaveAsync(UserKey user, UserState state, long expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(user, state, expectedVersion, cancellationToken);

    /// <summary>Writes both rows in one transaction; with an expected version, only when the stored one still matches.</summary>
    private async Task<bool> WriteAsync(UserKey user, UserState state, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(state);
        var now = clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var guard = connection.CreateCommand())
        {
            // Expected 0 may insert (or claim a row written before versions existed); a higher one only updates, so a
            // turn that raced with /forget never brings the deleted profile back.
            guard.Transaction = tx;
            guard.CommandText = expectedVersion switch
            {
                null => """
                    INSERT INTO profiles (platform, user_id, profile, updated_at, version) VALUES ($platform, $user, $profile, $now, 1)
                    ON CONFLICT (platform, user_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at, version = profiles.version + 1;
                    """,
                0 => """
                    INSERT INTO profiles (platform, user_id, profile, updated_at, version) VALUES ($platform, $user, $profile, $now, 1)
                    ON CONFLICT (platform, user_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at, version = 1
                    WHERE profiles.version = 0;
                    """,
                _ => "UPDATE profiles SET profile = $profile, updated_at = $now, version = version + 1 WHERE platform = $platform AND user_id = $user AND version = $expected;",
            };
            AddKey(guard, user);
            guard.Parameters.AddWithValue("$profile", ProfileJson.Serialize(state.Profile));
            guard.Parameters.AddWithValue("$now", now);
            guard.Parameters.AddWithValue("$expected", expectedVersion ?? 0);
            if (await guard.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false; // disposing the transaction rolls it back
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO conversations (platform, user_id, intake_step, history, pending, proposal, recent_messages, last_replies, offers, updated_at)
                VALUES ($platform, $user, $step, $history, $pending, $proposal, $recent, $replies, $offers, $now)
                ON CONFLICT (platform, user_id) DO UPDATE SET intake_step = excluded.intake_step, history = excluded.history,
                    pending = excluded.pending, proposal = excluded.proposal, recent_messages = excluded.recent_messages,
                    last_replies = excluded.last_replies, offers = excluded.offers, updated_at = excluded.updated_at;
                """;
            AddKey(command, user);
            command.Parameters.AddWithValue("$step", (object?)state.Conversation.IntakeStep ?? DBNull.Value);
            command.Parameters.AddWithValue("$history", JsonSerializer.Serialize(state.Conversation.History));
            command.Parameters.AddWithValue("$pending", (object?)state.Conversation.Pending ?? DBNull.Value);
            command.Parameters.AddWithValue("$proposal", (object?)state.Conversation.Proposal ?? DBNull.Value);
            command.Parameters.AddWithValue("$recent", JsonSerializer.Serialize(state.Conversation.RecentMessageIds));
            command.Parameters.AddWithValue("$replies", (object?)state.Conversation.LastReplies ?? DBNull.Value);
            command.Parameters.AddWithValue("$offers", state.Conversation.Offers.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(state.Conversation.Offers));
            command.Parameters.AddWithValue("$now", now);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Every table with rows about a user (keyed by platform, user_id); /forget and the inactivity clean-up empty them all.</summary>
    internal static readonly string[] UserTables = ["profiles", "conversations", "list_entries", "reminder_subscriptions", "notification_ledger"];

    public async Task<bool> ForgetAsync(UserKey user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var deleted = 0;
        foreach (var table in UserTables)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"DELETE FROM {table} WHERE platform = $platform AND user_id = $user;";
            AddKey(command, user);
            deleted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        deleted += await SqliteCorrectionStore.DeleteAsync(connection, tx, user, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    private static void AddKey(SqliteCommand command, UserKey user)
    {
        command.Parameters.AddWithValue("$platform", user.Platform);
        command.Parameters.AddWithValue("$user", user.UserId);
    }
}
