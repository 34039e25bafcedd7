using Npgsql;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Stores;

/// <summary>Reminder opt-ins in PostgreSQL (table reminder_subscriptions, deleted by /forget).</summary>
public sealed class PostgresReminderStore(PostgresDatabase database, TimeProvider clock) : IReminderStore
{
    public async Task<ReminderSubscription?> GetAsync(UserKey user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresUserStore.UserCommand(connection, user, "SELECT enabled, time_zone, since FROM reminder_subscriptions WHERE platform = @platform AND user_id = @user;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ReminderSubscription(reader.GetBoolean(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    public async Task SetAsync(UserKey user, ReminderSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresUserStore.UserCommand(connection, user, """
            INSERT INTO reminder_subscriptions (platform, user_id, enabled, time_zone, since, updated_at) VALUES (@platform, @user, @enabled, @zone, @since, @now)
            ON CONFLICT (platform, user_id) DO UPDATE SET enabled = excluded.enabled, time_zone = excluded.time_zone, since = excluded.since, updated_at = excluded.updated_at;
            """);
        command.Parameters.AddWithValue("enabled", subscription.Enabled);
        command.Parameters.AddWithValue("zone", subscription.TimeZone);
        command.Parameters.AddWithValue("since", subscription.Since.ToUniversalTime());
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Subscriber>> ListEnabledAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT platform, user_id, time_zone, since FROM reminder_subscriptions WHERE enabled ORDER BY platform, user_id;", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var subscribers = new List<Subscriber>();
        while (await reader.ReadAsync(cancellationToken))
        {
            subscribers.Add(new Subscriber(new UserKey(reader.GetString(0), reader.GetString(1)), new ReminderSubscription(true, reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3))));
        }

        return subscribers;
    }
}
