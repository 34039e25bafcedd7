using System.Globalization;
using System.Text;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.Timeline;

namespace SmartPick.Bot.Core.Servers.Announcements;

/// <summary>A date to announce now: its ledger key and the timeline events on it.</summary>
public sealed record DueAnnouncement(string Key, DateOnly Date, IReadOnlyList<CycleEvent> Events);

/// <summary>
/// Which dates a server should hear about now: every timeline date from <see cref="AnnouncementOptions.DaysBefore"/>
/// days ahead, due from <see cref="AnnouncementOptions.LocalHour"/> in the server's time zone on the first day of that
/// window and until the date itself has passed; nothing while the server's quiet hours last. Events on one date make
/// one announcement, keyed by the date, so a server hears about each date once.
/// </summary>
public static class AnnouncementPlanner
{
    public static IReadOnlyList<DueAnnouncement> Due(CycleTimeline timeline, ServerSettings settings, DateTimeOffset now, AnnouncementOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        if (!settings.Announcements || settings.IsQuiet(now))
        {
            return [];
        }

        var zone = ReminderPlanner.Zone(settings.TimeZone, ServerSettings.DefaultTimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var hourReached = local.Hour >= options.LocalHour;
        return [.. timeline.Events
            .Where(e => e.Date >= today && e.Date <= today.AddDays(options.DaysBefore))
            .Where(e => hourReached || e.Date.AddDays(-options.DaysBefore) < today) // the window opened on an earlier day
            .GroupBy(e => e.Date)
            .OrderBy(g => g.Key)
            .Select(g => new DueAnnouncement("announce:" + g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Key, [.. g]))];
    }

    /// <summary>The post: the date relative to the server's today, each event (estimated ones marked), the source link.</summary>
    public static Reply Message(DueAnnouncement due, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(due);
        var days = due.Date.DayNumber - today.DayNumber;
        var when = days switch { 0 => "today", 1 => "tomorrow", _ => $"in {days} days" };
        var sb = new StringBuilder("**Match cycle: ").Append(when).Append(" (")
            .Append(due.Date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)).AppendLine(")**");
        foreach (var e in due.Events)
        {
            sb.Append("- ").Append(Markup.Escape(e.Event)).AppendLine(e.IsEstimated ? " _(estimated)_" : string.Empty);
        }

        var sources = due.Events.Select(e => e.Source).Distinct().Select(u => $"[{Markup.Escape(u.Host)}]({u.AbsoluteUri})");
        sb.Append("Source: ").Append(string.Join(", ", sources)).Append(". /timeline shows what comes next.");
        return new Reply(sb.ToString());
    }
}
