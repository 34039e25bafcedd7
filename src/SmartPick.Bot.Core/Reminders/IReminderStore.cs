using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Reminders;

/// <param name="Enabled">Whether the user opted in to reminder DMs (/remind on).</param>
/// <param name="TimeZone">IANA time zone id; reminders go out at 09:00 there.</param>
/// <param name="Since">When reminders were (last) switched on: nothing due before this is sent.</param>
public sealed record ReminderSubscription(bool Enabled, string TimeZone, DateTimeOffset Since);

public sealed record Subscriber(UserKey User, ReminderSubscription Subscription);

/// <summary>
/// Port for reminder opt-ins. Part of the user's data: <see cref="State.IUserStore.ForgetAsync"/> deletes it, so
/// implementations keep it in the same database.
/// </summary>
public interface IReminderStore
{
    Task<ReminderSubscription?> GetAsync(UserKey user, CancellationToken cancellationToken);

    Task SetAsync(UserKey user, ReminderSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Every user with reminders switched on.</summary>
    Task<IReadOnlyList<Subscriber>> ListEnabledAsync(CancellationToken cancellationToken);
}
