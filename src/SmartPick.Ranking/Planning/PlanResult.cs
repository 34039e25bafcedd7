namespace SmartPick.Ranking.Planning;

public enum Tier
{
    Reach,
    Target,
    Safety,
    Ineligible,
}

/// <summary>One program in the greedy order, with what adding it gained.</summary>
public sealed record PlanStep(string AcgmeId, double InterviewProbability, Tier Tier, double MarginalGain, double CumulativeMatchProbability);

public sealed record SignalPick(string AcgmeId, string Kind, double EstimatedGain);

/// <summary>
/// The application plan: greedy order, recommended count, exact interview-count distribution of the recommended list,
/// P(at least one interview), P(match), tier mix and signal placement.
/// </summary>
public sealed record PlanResult
{
    public required IReadOnlyList<PlanStep> Steps { get; init; }
    public int RecommendedApplications { get; init; }
    public required double[] InterviewDistribution { get; init; }
    public double ExpectedInterviews { get; init; }
    public double PAtLeastOneInterview { get; init; }
    public double PMatch { get; init; }
    public double PMatchIfAllApplied { get; init; }
    public required IReadOnlyDictionary<Tier, int> TierMix { get; init; }
    public required IReadOnlyList<SignalPick> Signals { get; init; }
}
