using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Schema;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Storage.Postgres.Stores;

/// <summary>Profiles and conversation state in PostgreSQL, keyed by (platform, user id), written in one transaction.</summary>
public sealed class PostgresUserStore(PostgresDatabase database, TimeProvider clock) : IUserStore
{
    public async Task<UserState?> LoadAsync(UserKey user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT p.profile::text, c.intake_step, c.history::text, c.pending, c.proposal, c.recent_messages::text, c.last_replies, p.version, c.offers::text
            FROM (SELECT @platform AS platform, @user AS user_id) k
            LEFT JOIN profiles p ON p.platform = k.platform AND p.user_id = k.user_id
            LEFT JOIN conversations c ON c.platform = k.platform AND c.user_id = k.user_id
            """, connection);
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
                RecentMessageIds = JsonSerializer.Deserialize<List<string>>(reader.GetString(5)) ?? [],
                LastReplies = reader.IsDBNull(6) ? null : reader.GetString(6),
                Offers = reader.IsDBNull(8) ? [] : JsonSerializer.Deserialize<List<OfferedChoices>>(reader.GetString(8)) ?? [],
            };
        return new UserState(profile, conversation) { Version = reader.IsDBNull(7) ? 0 : reader.GetInt64(7) };
    }

    public Task SaveAsync(UserKey user, UserState state, CancellationToken cancellationToken) =>
        WriteAsync(user, state, expectedVersion: null, cancellationToken);

    public Task<bool> TrySaveAsync(UserKey user, UserState state, long expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(user, state, expectedVersion, cancellationToken);

    /// <summary>Every table with rows about a user keyed by (platform, user_id); /forget and the inactivity clean-up empty them all, and correction_reports (keyed by the user hash).</summary>
    internal static readonly string[] UserTables = ["profiles", "conversations", "list_entries", "reminder_subscriptions", "notification_ledger"];

    public async Task<bool> ForgetAsync(UserKey user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = 0;
        foreach (var table in UserTables)
        {
            await using var command = new NpgsqlCommand($"DELETE FROM {table} WHERE platform = @platform AND user_id = @user;", connection, tx);
            AddKey(command, user);
            deleted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        deleted += await PostgresCorrectionStore.DeleteAsync(connection, tx, user, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    /// <summary>
    /// Writes both rows in one transaction. With an expected version the profile row is the guard: under READ COMMITTED
    /// a concurrent writer of the same row blocks, then re-checks the version, so exactly one of two racing turns wins.
    /// Expected 0 may insert; a higher one only updates, so a turn that raced with /forget never brings data back.
    /// </summary>
    private async Task<bool> WriteAsync(UserKey user, UserState state, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(state);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var guard = new NpgsqlCommand(GuardSql(expectedVersion), connection, tx))
        {
            AddKey(guard, user);
            guard.Parameters.Add(new NpgsqlParameter("profile", NpgsqlDbType.Jsonb) { Value = ProfileJson.Serialize(state.Profile) });
            guard.Parameters.AddWithValue("now", now);
            guard.Parameters.AddWithValue("expected", expectedVersion ?? 0);
            if (await guard.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await tx.RollbackAsync(cancellationToken);
                return false;
            }
        }

        await using (var command = new NpgsqlCommand("""
            INSERT INTO conversations (platform, user_id, intake_step, history, pending, proposal, recent_messages, last_replies, offers, updated_at)
            VALUES (@platform, @user, @step, @history, @pending, @proposal, @recent, @replies, @offers, @now)
            ON CONFLICT (platform, user_id) DO UPDATE SET intake_step = excluded.intake_step, history = excluded.history,
                pending = excluded.pending, proposal = excluded.proposal, recent_messages = excluded.recent_messages,
                last_replies = excluded.last_replies, offers = excluded.offers, updated_at = excluded.updated_at;
            """, connection, tx))
        {
            AddKey(command, user);
            var conversation = state.Conversation;
            command.Parameters.Add(new NpgsqlParameter<string?>("step", NpgsqlDbType.Text) { TypedValue = conversation.IntakeStep });
            command.Parameters.Add(new NpgsqlParameter("history", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(conversation.History) });
            command.Parameters.Add(new NpgsqlParameter<string?>("pending", NpgsqlDbType.Text) { TypedValue = conversation.Pending });
            command.Parameters.Add(new NpgsqlParameter<string?>("proposal", NpgsqlDbType.Text) { TypedValue = conversation.Proposal });
            command.Parameters.Add(new NpgsqlParameter("recent", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(conversation.RecentMessageIds) });
            command.Parameters.Add(new NpgsqlParameter<string?>("replies", NpgsqlDbType.Text) { TypedValue = conversation.LastReplies });
            command.Parameters.Add(new NpgsqlParameter("offers", NpgsqlDbType.Jsonb) { Value = conversation.Offers.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(conversation.Offers) });
            command.Parameters.AddWithValue("now", now);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return true;
    }

    private static string GuardSql(long? expectedVersion) => expectedVersion switch
    {
        null => """
            INSERT INTO profiles (platform, user_id, profile, version, updated_at) VALUES (@platform, @user, @profile, 1, @now)
            ON CONFLICT (platform, user_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at, version = profiles.version + 1;
            """,
        0 => """
            INSERT INTO profiles (platform, user_id, profile, version, updated_at) VALUES (@platform, @user, @profile, 1, @now)
            ON CONFLICT (platform, user_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at, version = 1
            WHERE profiles.version = 0;
            """,
        _ => "UPDATE profiles SET profile = @profile, updated_at = @now, version = version + 1 WHERE platform = @platform AND user_id = @user AND version = @expected;",
    };

    /// <summary>A command with @platform and @user bound, for the stores keyed by user.</summary>
    internal static NpgsqlCommand UserCommand(NpgsqlConnection connection, UserKey user, string sql, NpgsqlTransaction? tx = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var command = new NpgsqlCommand(sql, connection, tx);
        AddKey(command, user);
        return command;
    }

    private static void AddKey(NpgsqlCommand command, UserKey user)
    {
        command.Parameters.AddWithValue("platform", user.Platform);
        command.Parameters.AddWithValue("user", user.UserId);
    }
}
