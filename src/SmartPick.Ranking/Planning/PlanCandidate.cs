namespace SmartPick.Ranking.Planning;

/// <summary>
/// A program the plan may include: its interview log-odds at u = 0, its shown (marginal) interview chance and the
/// interview→match rate of its specialty, so one plan can mix specialties that share the applicant's strength u.
/// </summary>
public sealed record PlanCandidate(string AcgmeId, double LogOdds, double InterviewProbability, double Q);
