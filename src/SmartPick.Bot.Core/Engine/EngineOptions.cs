using System.ComponentModel.DataAnnotations;

namespace SmartPick.Bot.Core.Engine;

/// <summary>Conversation engine settings.</summary>
public sealed class EngineOptions
{
    public const string SectionName = "SmartPick:Engine";

    /// <summary>Commands one user may send in groups/servers per minute before the bot asks them to slow down (0 = no limit).</summary>
    [Range(0, 1000, ErrorMessage = "SmartPick:Engine:GroupMessagesPerMinute must be between 0 and 1000.")]
    public int GroupMessagesPerMinute { get; set; } = 10;
}
