namespace SmartPick.Ranking.Planning;

/// <summary>What a program's interview chance means for the applicant (thresholds in <see cref="RankingSettings"/>).</summary>
public enum Tier
{
    LongShot,
    Possible,
    HigherChance,
    Ineligible,
}

/// <summary>One program in the greedy order, with what adding it gained and its interview log-odds at u = 0.</summary>
public sealed record PlanStep(string AcgmeId, double InterviewProbability, Tier Tier, double MarginalGain, double CumulativeMatchProbability, double LogOdds = 0, string? Specialty = null);

/// <summary>
/// The application plan: greedy order (the first MaxApplications + 1 eligible programs), recommended count, the
/// interview-count distribution of the recommended list (k ≤ 30), P(at least one interview), P(match) unconditional and
/// given at least one interview, tier mix and signal placement. All chances integrate the shared strength u.
/// </summary>
public sealed record PlanResult
{
    public required IReadOnlyList<PlanStep> Steps { get; init; }
    public int RecommendedApplications { get; init; }
    public required double[] InterviewDistribution { get; init; }
    public double ExpectedInterviews { get; init; }
    public double PAtLeastOneInterview { get; init; }
    public double PMatch { get; init; }

    /// <summary>P(match | at least one interview) for the recommended list; comparable with the NRMP-calibrated chance.</summary>
    public double PMatchGivenInterview { get; init; }

    public int EligiblePrograms { get; init; }
    public double PMatchIfAllApplied { get; init; }
    public required IReadOnlyDictionary<Tier, int> TierMix { get; init; }
}
