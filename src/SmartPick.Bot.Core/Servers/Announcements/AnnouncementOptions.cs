using System.ComponentModel.DataAnnotations;

namespace SmartPick.Bot.Core.Servers.Announcements;

/// <summary>Cycle announcements in servers (SmartPick:Announcements).</summary>
public sealed class AnnouncementOptions
{
    public const string SectionName = "SmartPick:Announcements";

    /// <summary>A date is announced this many days before it (in the server's time zone).</summary>
    [Range(1, 30)]
    public int DaysBefore { get; set; } = 3;

    /// <summary>Local hour in the server's time zone from which a date's announcement is due.</summary>
    [Range(0, 23)]
    public int LocalHour { get; set; } = 9;

    [Range(10, 3600)]
    public int CheckEverySeconds { get; set; } = 60;

    /// <summary>At most this many posts per check, so announcements never crowd out answers (the adapters' limiters apply on top).</summary>
    [Range(1, 10000)]
    public int MaxSendsPerCheck { get; set; } = 100;

    /// <summary>A claim not completed within this time (the process died mid-send) may be taken over.</summary>
    [Range(1, 1440)]
    public int ClaimLeaseMinutes { get; set; } = 10;

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;
}
