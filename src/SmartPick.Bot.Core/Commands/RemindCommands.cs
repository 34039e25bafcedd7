using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;

namespace SmartPick.Bot.Core.Commands;

/// <summary>/remind on|off|tz &lt;IANA zone&gt;: opt-in reminder DMs before each dated step of the cycle.</summary>
public sealed class RemindCommands(IReminderStore store, NoticeSender sender, IOptions<ReminderOptions> options, TimeProvider clock)
{
    internal async Task HandleAsync(Turn turn, CommandContent command, CancellationToken cancellationToken)
    {
        var words = (command.Option("subcommand") is { } sub ? $"{sub} {command.Option("zone")}" : command.Arguments)
            .Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = words.Length > 0 ? words[0].ToLowerInvariant() : string.Empty;
        var user = turn.Message.User;
        var current = await store.GetAsync(user, cancellationToken);
        var o = options.Value;
        var zone = current?.TimeZone ?? o.DefaultTimeZone;
        string text;
        switch (verb)
        {
            case "on":
                await store.SetAsync(user, new ReminderSubscription(true, zone, clock.GetUtcNow()), cancellationToken);
                text = $"Reminders are **on**: I'll message you privately {o.DaysBefore} days before and on the morning of each date in /timeline, at {o.LocalHour:00}:00 {Markup.Escape(zone)} time. Change the zone with /remind tz America/New_York; stop with /remind off.";
                if (!sender.CanReach(user))
                {
                    text += "\n\n_This chat cannot receive messages I start on my own (only Telegram and Discord can), so reminders will not arrive here._";
                }

                break;
            case "off":
                if (current is not null)
                {
                    await store.SetAsync(user, current with { Enabled = false }, cancellationToken);
                }

                text = "Reminders are **off**. /remind on switches them back on.";
                break;
            case "tz" or "timezone" when words.Length > 1:
                if (!TimeZoneInfo.TryFindSystemTimeZoneById(words[1], out var found))
                {
                    text = $"I don't know the time zone \"{Markup.Escape(words[1].Length > 40 ? words[1][..40] : words[1])}\". Use a name like America/Los_Angeles, America/Chicago, Asia/Kolkata or Africa/Cairo.";
                    break;
                }

                var iana = found.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(found.Id, out var converted) ? found.Id : converted;
                await store.SetAsync(user, (current ?? new ReminderSubscription(false, iana, clock.GetUtcNow())) with { TimeZone = iana }, cancellationToken);
                text = $"Time zone set to {Markup.Escape(iana)}." + (current?.Enabled == true ? string.Empty : " Reminders are off; /remind on switches them on.");
                break;
            default:
                text = (current?.Enabled == true ? $"Reminders are **on** ({Markup.Escape(zone)})." : "Reminders are **off**.")
                    + " Use /remind on, /remind off, or /remind tz <zone> (e.g. /remind tz America/Los_Angeles).";
                break;
        }

        turn.SayPersonal([new Reply(text)], "remind");
    }
}
