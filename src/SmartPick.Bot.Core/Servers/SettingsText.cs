using System.Text;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Servers;

/// <summary>The settings as /settings shows them back, with how to change each one on this platform.</summary>
public static class SettingsText
{
    public static string Show(ServerSettings settings, string platform)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var discord = platform == "discord";
        var sb = new StringBuilder("**Server settings**\n");
        sb.Append("- Cycle announcements: ").Append(settings.Announcements ? "**on**" : "**off**");
        if (settings.Announcements && discord && settings.AnnouncementChannelId is { } channel)
        {
            sb.Append(" (channel ID ").Append(Markup.Escape(channel)).Append(')');
        }

        sb.Append('\n');
        if (!settings.Announcements && settings.AnnouncementsOffReason is { } reason)
        {
            sb.Append("  _I switched them off: ").Append(Markup.Escape(reason)).Append("_\n");
        }

        if (discord)
        {
            sb.Append("- /ask answers in channels: **").Append(settings.PublicAsk ? "public" : "only visible to the asker").Append("**\n");
        }

        sb.Append("- Time zone: **").Append(Markup.Escape(settings.TimeZone)).Append("**\n");
        sb.Append("- Quiet hours: ").Append(settings.QuietFromHour is { } from && settings.QuietToHour is { } to
            ? $"**{from:00}:00–{to:00}:00** (no announcements then)" : "**none**").Append('\n');
        sb.Append('\n').Append(discord
            ? "Change with the /settings options: announcements (on/off), channel, ask (public/ephemeral), timezone, quiet (e.g. 22-7, or off)."
            : "Change with /settings announcements on|off, /settings timezone America/New_York, /settings quiet 22-7 (or off).");
        return sb.ToString();
    }
}
