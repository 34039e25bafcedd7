namespace SmartPick.Bot.Core.Timeline;

/// <summary>One dated event of an application cycle, from <c>knowledge/timeline/cycles.csv</c>.</summary>
/// <param name="Cycle">Cycle name, e.g. "2026-27" (applications in 2026, training from July 2027).</param>
/// <param name="EstimateBasis">Null when the source publishes the date; otherwise why the date is estimated.</param>
public sealed record CycleEvent(string Cycle, string Event, DateOnly Date, Uri Source, DateOnly RetrievedOn, string? EstimateBasis)
{
    public bool IsEstimated => EstimateBasis is not null;
}
