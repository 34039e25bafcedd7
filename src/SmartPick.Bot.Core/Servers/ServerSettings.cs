namespace SmartPick.Bot.Core.Servers;

/// <summary>A community server: a Discord guild ("discord", guild id) or a Telegram group ("telegram", chat id).</summary>
public sealed record ServerKey(string Platform, string ServerId);

/// <summary>
/// One server's admin settings (issue 16). Kept until the bot is removed from the server; <c>/forget</c> never
/// touches them (they belong to the server, not to a user).
/// </summary>
public sealed record ServerSettings
{
    public const string DefaultTimeZone = "America/Los_Angeles";

    /// <summary>Cycle announcements on or off.</summary>
    public bool Announcements { get; init; }

    /// <summary>Discord: the channel announcements go to; Telegram: null (the group itself).</summary>
    public string? AnnouncementChannelId { get; init; }

    /// <summary>Discord: /ask answers in channels are public (default; guide answers hold no personal data) or ephemeral.</summary>
    public bool PublicAsk { get; init; } = true;

    /// <summary>IANA time zone for announcements and quiet hours.</summary>
    public string TimeZone { get; init; } = DefaultTimeZone;

    /// <summary>Quiet hours in <see cref="TimeZone"/>: from this local hour (0-23) ...</summary>
    public int? QuietFromHour { get; init; }

    /// <summary>... until this local hour (exclusive); may wrap past midnight (22 → 7).</summary>
    public int? QuietToHour { get; init; }

    /// <summary>Why announcements were switched off by the bot (channel gone, no permission); shown on the next /settings.</summary>
    public string? AnnouncementsOffReason { get; init; }

    /// <summary>True when <paramref name="now"/> falls inside the quiet hours in the server's time zone.</summary>
    public bool IsQuiet(DateTimeOffset now)
    {
        if (QuietFromHour is not { } from || QuietToHour is not { } to || from == to)
        {
            return false;
        }

        // A zone this machine does not know (a database moved between systems) falls back to the default, never throws.
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var found) ? found : TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);
        var hour = TimeZoneInfo.ConvertTime(now, zone).Hour;
        return from < to ? hour >= from && hour < to : hour >= from || hour < to;
    }
}

/// <summary>Per-server settings, stored with the rest of the bot's state.</summary>
public interface IServerSettingsStore
{
    Task<ServerSettings?> GetAsync(ServerKey server, CancellationToken cancellationToken);

    Task SetAsync(ServerKey server, ServerSettings settings, CancellationToken cancellationToken);

    /// <summary>The bot was removed from the server: its settings go. Returns whether there were any.</summary>
    Task<bool> DeleteAsync(ServerKey server, CancellationToken cancellationToken);

    /// <summary>Servers with announcements on.</summary>
    Task<IReadOnlyList<(ServerKey Server, ServerSettings Settings)>> ListAnnouncingAsync(CancellationToken cancellationToken);
}
