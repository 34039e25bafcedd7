using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.Timeline;

namespace SmartPick.Bot.Core.Commands;

/// <summary>/timeline: where today falls in the application cycle and the next dated steps, each with its source.</summary>
public sealed class TimelineCommand(CycleTimeline timeline, IReminderStore reminders, IOptions<ReminderOptions> options, TimeProvider clock)
{
    private const int Shown = 8;

    // The stretch between two dated events, named by the events that open and close it.
    private static readonly (string After, string Before, string Phase)[] Phases =
    [
        ("season opens", "submit", "ERAS is open: prepare your application, letters, personal statement and program list"),
        ("submit", "review applications", "applications are going in; submit early, before programs start reviewing"),
        ("review applications", "Rank order list", "interview season: programs are reviewing applications and inviting applicants to interview"),
        ("Rank order list entry opens", "certification deadline", "ranking: enter and certify your rank order list"),
        ("certification deadline", "Match Week", "rank lists are certified; Match Week is next"),
        ("SOAP ends", "Match Day", "Match Week: SOAP is over, Match Day is next"),
    ];

    internal async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var subscription = await reminders.GetAsync(turn.Message.User, cancellationToken);
        var zone = ReminderPlanner.Zone(subscription?.TimeZone, options.Value.DefaultTimeZone);
        turn.Say(new Reply(Render(ReminderPlanner.Today(clock.GetUtcNow(), zone), subscription?.Enabled == true)));
    }

    internal string Render(DateOnly today, bool remindersOn)
    {
        var cycle = timeline.CurrentCycle(today);
        var upcoming = timeline.Upcoming(today).Take(Shown).ToList();
        var sb = new StringBuilder();
        sb.Append("**Today is ").Append(Day(today)).Append('.');
        if (cycle is not null)
        {
            sb.Append(" You are in the ").Append(cycle).Append(" Match cycle");
            // The phase opened by the latest past event that opens one, while the event closing it is still ahead.
            var events = timeline.ForCycle(cycle);
            var phases = events.Where(e => e.Date <= today)
                .SelectMany(e => Phases.Where(p => e.Event.Contains(p.After, StringComparison.OrdinalIgnoreCase)).Select(p => (Opened: e, p.Before, p.Phase)))
                .ToList();
            var current = phases.Count == 0 ? default : phases[^1];
            var closes = current.Phase is null ? null : events.FirstOrDefault(e => e.Date > today && e.Event.Contains(current.Before, StringComparison.OrdinalIgnoreCase));
            sb.Append(closes is null ? "." : $": {current.Phase} (since {Day(current.Opened.Date)}, until {Day(closes.Date)}).");
        }

        sb.AppendLine("**").AppendLine();
        if (upcoming.Count == 0)
        {
            sb.AppendLine("No dated events ahead in my timeline yet.");
        }

        sb.AppendLine("**What's next**");
        foreach (var e in upcoming)
        {
            var days = e.Date.DayNumber - today.DayNumber;
            sb.Append("- ").Append(Day(e.Date)).Append(" (").Append(days == 0 ? "today" : days == 1 ? "tomorrow" : $"in {days} days").Append("): **")
              .Append(Markup.Escape(e.Event)).Append("** — [").Append(Markup.Escape(e.Source.Host)).Append("](").Append(e.Source.AbsoluteUri)
              .Append("), retrieved ").Append(e.RetrievedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (e.EstimateBasis is { } basis)
            {
                sb.Append(". _Estimated: ").Append(Markup.Escape(basis.StartsWith("estimated: ", StringComparison.OrdinalIgnoreCase) ? basis["estimated: ".Length..] : basis)).Append('_');
            }

            sb.AppendLine();
        }

        sb.AppendLine().Append(remindersOn
            ? $"Reminders are on: I'll message you {options.Value.DaysBefore} days before and on the morning of each date (/remind off to stop)."
            : $"Want a private reminder {options.Value.DaysBefore} days before and on the morning of each date? Send /remind on.");
        return sb.ToString();
    }

    private static string Day(DateOnly d) => d.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
