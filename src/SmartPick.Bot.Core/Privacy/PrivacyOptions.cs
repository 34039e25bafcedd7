using System.ComponentModel.DataAnnotations;

namespace SmartPick.Bot.Core.Privacy;

/// <summary>Retention of inactive users' data (SmartPick:Privacy).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "SmartPick:Privacy";

    /// <summary>Everything about a user who has not written for this many months is deleted.</summary>
    [Range(1, 120)]
    public int InactiveMonths { get; set; } = 18;

    /// <summary>A direct message warns this many days before the deletion, where the platform allows it.</summary>
    [Range(1, 60)]
    public int WarningDays { get; set; } = 14;

    /// <summary>How often the clean-up runs.</summary>
    [Range(1, 168)]
    public int RunEveryHours { get; set; } = 24;
}
