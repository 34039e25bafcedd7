namespace SmartPick.Ranking.Planning;

/// <summary>
/// A program the plan may include: its interview log-odds at u = 0, its shown (marginal) interview chance and the
/// interview→match rate of its specialty, so one plan can mix specialties that share the applicant's strength.
/// <see cref="ExpNegNodes"/> are exp(−σₛ·zₕ) of the candidate's specialty when a plan mixes specialties with different σ
/// (one standard-normal strength z, loaded σₛ per specialty); null uses the plan's rule.
/// </summary>
public sealed record PlanCandidate(string AcgmeId, double LogOdds, double InterviewProbability, double Q, string? Specialty = null)
{
    public double[]? ExpNegNodes { get; init; }

    /// <summary>Recommended whatever it adds (a named specialty's first programs in a plan across specialties).</summary>
    public bool Kept { get; init; }
}
