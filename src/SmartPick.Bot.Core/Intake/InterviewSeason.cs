using SmartPick.Bot.Core.Timeline;

namespace SmartPick.Bot.Core.Intake;

/// <summary>
/// Interview season, from the dated timeline: from the day programs can review applications to the rank order list
/// certification deadline of the current cycle. Without a timeline it is never interview season.
/// </summary>
public static class InterviewSeason
{
    public static bool Contains(CycleTimeline? timeline, DateOnly today)
    {
        if (timeline?.CurrentCycle(today) is not { } cycle)
        {
            return false;
        }

        var events = timeline.ForCycle(cycle);
        var start = events.FirstOrDefault(e => e.Event.StartsWith("Programs can review applications", StringComparison.OrdinalIgnoreCase))?.Date;
        var end = events.FirstOrDefault(e => e.Event.StartsWith("Rank order list certification deadline", StringComparison.OrdinalIgnoreCase))?.Date;
        return start is { } s && end is { } e && today >= s && today <= e;
    }
}
