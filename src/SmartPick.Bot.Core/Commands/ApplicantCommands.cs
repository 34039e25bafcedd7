namespace SmartPick.Bot.Core.Commands;

/// <summary>The applicant's own tools: /list, /compare, /timeline, /remind, /privacy (one router dependency for all).</summary>
public sealed class ApplicantCommands(ListCommands list, CompareCommand compare, TimelineCommand timeline, RemindCommands remind, PrivacyCommand privacy)
{
    public ListCommands List { get; } = list;

    public CompareCommand Compare { get; } = compare;

    public TimelineCommand Timeline { get; } = timeline;

    public RemindCommands Remind { get; } = remind;

    public PrivacyCommand Privacy { get; } = privacy;
}
