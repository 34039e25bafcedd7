using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Timeline;

namespace SmartPick.Bot.Core.Reminders;

/// <summary>A reminder that is due now: its ledger key, the event, and whether it is the on-the-day one.</summary>
public sealed record DueReminder(string Key, CycleEvent Event, DateTimeOffset Due, bool OnTheDay);

/// <summary>
/// Which reminders are due for one subscriber: for each dated event, one at 09:00 local three days before and one
/// at 09:00 on the day. A reminder stays due until the end of the event's day; when a restart or outage made both of
/// an event's reminders due at once, only the later one is sent.
/// </summary>
public static class ReminderPlanner
{
    public static IReadOnlyList<DueReminder> Due(CycleTimeline timeline, ReminderSubscription subscription, DateTimeOffset now, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(options);
        var zone = Zone(subscription.TimeZone, options.DefaultTimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var due = new List<DueReminder>();
        foreach (var e in timeline.Events.Where(e => e.Date >= today && e.Date <= today.AddDays(options.DaysBefore)))
        {
            var onTheDay = At(e.Date, options.LocalHour, zone);
            var early = At(e.Date.AddDays(-options.DaysBefore), options.LocalHour, zone);
            var (when, isDay) = onTheDay <= now ? (onTheDay, true) : (early, false);
            if (when <= now && when >= subscription.Since)
            {
                due.Add(new DueReminder(Key(e, isDay), e, when, isDay));
            }
        }

        return due;
    }

    /// <summary>The DM text: what, when (relative to the user's today), whether estimated, and the source.</summary>
    public static Reply Message(DueReminder reminder, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var e = reminder.Event;
        var days = e.Date.DayNumber - today.DayNumber;
        var when = days switch { 0 => "is **today**", 1 => "is **tomorrow**", _ => $"is in **{days} days**" };
        var sb = new StringBuilder()
            .Append("Reminder: **").Append(Markup.Escape(e.Event)).Append("** ").Append(when).Append(" (")
            .Append(e.Date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)).AppendLine(").");
        if (e.EstimateBasis is { } basis)
        {
            sb.Append("_Estimated date — ").Append(Markup.Escape(basis)).AppendLine("._");
        }

        sb.Append("Source: [").Append(Markup.Escape(e.Source.Host)).Append("](").Append(e.Source.AbsoluteUri).Append("), retrieved ")
          .Append(e.RetrievedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).AppendLine(".")
          .Append("Send /timeline for what comes next, or /remind off to stop these reminders.");
        return Reply.Private(sb.ToString());
    }

    public static TimeZoneInfo Zone(string? id, string fallback) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById(fallback);

    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    private static DateTimeOffset At(DateOnly date, int hour, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    // The date and a short hash of the event name: stable across restarts and instances, short enough for any key column.
    private static string Key(CycleEvent e, bool onTheDay)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(e.Cycle + "|" + e.Event)))[..12];
        return "remind:" + e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ":" + hash + (onTheDay ? ":day" : ":early");
    }
}
