using System.ComponentModel.DataAnnotations;

namespace SmartPick.Bot.Core.Reminders;

/// <summary>The reminder scheduler (SmartPick:Reminders).</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "SmartPick:Reminders";

    /// <summary>Time zone for users who have not set one (/remind tz).</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "America/Los_Angeles";

    /// <summary>Local hour at which reminders go out.</summary>
    [Range(0, 23)]
    public int LocalHour { get; set; } = 9;

    /// <summary>The early reminder comes this many days before the date.</summary>
    [Range(1, 30)]
    public int DaysBefore { get; set; } = 3;

    /// <summary>How often the scheduler looks for due reminders.</summary>
    [Range(10, 3600)]
    public int CheckEverySeconds { get; set; } = 60;

    /// <summary>
    /// At most this many sends per check: with the default minute, 5 a second, a fifth of Telegram's 25/s budget here and
    /// a tenth of Discord's 50/s, so reminders never crowd out answers (the adapters' own limiters still apply on top).
    /// 10,000 subscribers due at once are all reminded within 34 minutes.
    /// </summary>
    [Range(1, 10000)]
    public int MaxSendsPerCheck { get; set; } = 300;

    /// <summary>A claim not completed within this time (the process died mid-send) may be taken over.</summary>
    [Range(1, 1440)]
    public int ClaimLeaseMinutes { get; set; } = 10;

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;
}
