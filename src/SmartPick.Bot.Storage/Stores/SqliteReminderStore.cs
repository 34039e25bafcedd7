using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>Reminder opt-ins in SQLite (table reminder_subscriptions, deleted by /forget).</summary>
public sealed class SqliteReminderStore(SqliteDatabase database, TimeProvider clock) : IReminderStore
{
    public async Task<ReminderSubscription?> GetAsync(UserKey user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = SqliteApplicantListStore.Command(connection, user, "SELECT enabled, time_zone, since FROM reminder_subscriptions WHERE platform = $platform AND user_id = $user;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ReminderSubscription(reader.GetInt64(0) != 0, reader.GetString(1), SqliteTime.Parse(reader.GetString(2)))
            : null;
    }

    public async Task SetAsync(UserKey user, ReminderSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = SqliteApplicantListStore.Command(connection, user, """
            INSERT INTO reminder_subscriptions (platform, user_id, enabled, time_zone, since, updated_at) VALUES ($platform, $user, $enabled, $zone, $since, $now)
            ON CONFLICT (platform, user_id) DO UPDATE SET enabled = excluded.enabled, time_zone = excluded.time_zone, since = excluded.since, updated_at = excluded.updated_at;
            """);
        command.Parameters.AddWithValue("$enabled", subscription.Enabled ? 1 : 0);
        command.Parameters.AddWithValue("$zone", subscription.TimeZone);
        command.Parameters.AddWithValue("$since", SqliteTime.Format(subscription.Since));
        command.Parameters.AddWithValue("$now", SqliteTime.Format(clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Subscriber>> ListEnabledAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT platform, user_id, time_zone, since FROM reminder_subscriptions WHERE enabled = 1 ORDER BY platform, user_id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var subscribers = new List<Subscriber>();
        while (await reader.ReadAsync(cancellationToken))
        {
            subscribers.Add(new Subscriber(new UserKey(reader.GetString(0), reader.GetString(1)), new ReminderSubscription(true, reader.GetString(2), SqliteTime.Parse(reader.GetString(3)))));
        }

        return subscribers;
    }
}
