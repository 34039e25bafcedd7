using System.Globalization;
using System.Text.RegularExpressions;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Servers;

/// <summary>
/// Reads /settings changes — Discord options by name, or typed "announcements on timezone Asia/Kolkata quiet 22-7" —
/// and applies them to the stored settings. A value that does not fit yields a friendly problem and no change at all.
/// </summary>
public static partial class SettingsInput
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["announcements"] = "announcements", ["announce"] = "announcements", ["channel"] = "channel", ["ask"] = "ask",
        ["timezone"] = "timezone", ["tz"] = "timezone", ["zone"] = "timezone", ["quiet"] = "quiet", ["quiet-hours"] = "quiet",
    };

    public static IReadOnlyList<(string Name, string Value)> Read(CommandContent command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var changes = new List<(string Name, string Value)>();
        foreach (var (name, value) in command.Options)
        {
            if (Keys.TryGetValue(name, out var key))
            {
                changes.Add((key, value.Trim()));
            }
        }

        foreach (var word in command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Keys.TryGetValue(word, out var key))
            {
                changes.Add((key, string.Empty));
            }
            else if (changes.Count > 0 && command.Options.Count == 0)
            {
                var (n, v) = changes[^1];
                changes[^1] = (n, v.Length == 0 ? word : v + " " + word);
            }
            else
            {
                changes.Add((word, string.Empty)); // an unknown setting: reported by Apply
            }
        }

        return changes;
    }

    /// <summary>The settings with every change applied, or the first problem (and the settings unchanged).</summary>
    public static (ServerSettings Settings, string? Problem) Apply(ServerSettings current, IReadOnlyList<(string Name, string Value)> changes, string platform, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changes);
        var discord = platform == "discord";
        var s = current;
        foreach (var (name, value) in changes)
        {
            var v = value.Trim();
            string? problem = null;
            switch (name)
            {
                case "announcements" when Switch(v) is { } on:
                    s = on
                        ? s with { Announcements = true, AnnouncementsOffReason = null, AnnouncementChannelId = discord ? s.AnnouncementChannelId ?? conversationId : null }
                        : s with { Announcements = false };
                    break;
                case "announcements":
                    problem = $"Announcements are either on or off (you sent \"{Shown(v)}\"). Send /settings announcements on — or off.";
                    break;
                case "channel" when !discord:
                    problem = "In a Telegram group announcements go to the group itself; there is no channel to choose. Send /settings announcements on.";
                    break;
                case "channel" when ChannelId(v) is { } channel:
                    s = s with { AnnouncementChannelId = channel };
                    break;
                case "channel":
                    problem = "Pick the channel from the list in the channel option of /settings.";
                    break;
                case "ask" when !discord:
                    problem = "Whether /ask answers are public is a Discord setting; in Telegram groups guide answers are always posted to the group.";
                    break;
                case "ask" when v.ToLowerInvariant() is "public" or "ephemeral" or "private":
                    s = s with { PublicAsk = v.Equals("public", StringComparison.OrdinalIgnoreCase) };
                    break;
                case "ask":
                    problem = $"/ask answers are either public or ephemeral (you sent \"{Shown(v)}\"). Choose one in the ask option of /settings.";
                    break;
                case "timezone" when Zone(v) is { } zone:
                    s = s with { TimeZone = zone };
                    break;
                case "timezone":
                    problem = $"I don't know the time zone \"{Shown(v)}\". Send a name like America/Los_Angeles, America/Chicago, Asia/Kolkata or Africa/Cairo: /settings timezone America/New_York";
                    break;
                case "quiet" when QuietHours(v) is { } quiet:
                    s = s with { QuietFromHour = quiet.From, QuietToHour = quiet.To };
                    break;
                case "quiet":
                    problem = $"Quiet hours are two whole hours from 0 to 23, different from each other (you sent \"{Shown(v)}\"). For 10 pm to 7 am send /settings quiet 22-7; for none, /settings quiet off.";
                    break;
                default:
                    problem = $"I don't know the setting \"{Shown(name)}\". "
                        + (discord ? "The settings are announcements, channel, ask, timezone and quiet." : "The settings are announcements, timezone and quiet.");
                    break;
            }

            if (problem is not null)
            {
                return (current, problem);
            }
        }

        return (s, null);
    }

    private static bool? Switch(string v) => v.ToLowerInvariant() switch
    {
        "on" or "yes" or "true" or "enable" => true,
        "off" or "no" or "false" or "disable" => false,
        _ => null,
    };

    private static string? ChannelId(string v)
    {
        var id = v.Trim('<', '>', '#');
        return id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit) ? id : null;
    }

    private static string? Zone(string v)
    {
        if (v.Length == 0 || !TimeZoneInfo.TryFindSystemTimeZoneById(v, out var found))
        {
            return null;
        }

        return found.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(found.Id, out var iana) ? found.Id : iana;
    }

    private static (int? From, int? To)? QuietHours(string v)
    {
        if (v.ToLowerInvariant() is "off" or "none" or "no")
        {
            return (null, null);
        }

        var m = HourRange().Match(v);
        if (!m.Success)
        {
            return null;
        }

        var from = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var to = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return from is >= 0 and <= 23 && to is >= 0 and <= 23 && from != to ? (from, to) : null;
    }

    private static string Shown(string v) => Markup.Escape(v.Length > 40 ? v[..40] : v);

    [GeneratedRegex(@"^(\d{1,2})(?::00)?\s*(?:-|–|to)\s*(\d{1,2})(?::00)?$", RegexOptions.IgnoreCase)]
    private static partial Regex HourRange();
}
