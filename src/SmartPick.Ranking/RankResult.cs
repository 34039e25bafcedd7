using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Model;
using SmartPick.Ranking.Outcomes;
using SmartPick.Ranking.Planning;
using SmartPick.Ranking.Quadrature;

namespace SmartPick.Ranking;

/// <summary>What to rank: a specialty (canonical name), optional region/state filters, how many to list, the current year.</summary>
public sealed record RankQuery(string Specialty, int AsOfYear, string? Region = null, string? State = null, int? Top = null)
{
    /// <summary>Quadrature nodes to use instead of the specialty's own count (a plan across specialties needs one count).</summary>
    public int? Nodes { get; init; }
}

/// <summary>
/// A program with its tier, shown interview chance (E_u of the logistic, integrated over the shared strength),
/// log-odds at u = 0, eligibility and the factors that sum to that log-odds.
/// </summary>
public sealed record ScoredProgram(ProgramRecord Program, Tier Tier, double InterviewProbability, double LogOdds, int FitScore, EligibilityResult Eligibility, IReadOnlyList<Factor> Factors);

/// <summary>
/// Specialty-level view for one applicant: the NRMP curve value, the calibrated shift β (the reference list reproduces
/// the curve given at least one interview), the applicant terms, and <see cref="MatchProbability"/>: the NRMP-calibrated
/// chance for a typical applicant with this score who certified a rank list, multiplied by how much the applicant's other
/// factors change the reference list's unconditional P(match) — so a failure lowers it in the same proportion as the plan.
/// </summary>
public sealed record SpecialtyAssessment(
    SpecialtyCalibration Calibration,
    double CurveProbability,
    double TargetProbability,
    double BaselineLogOdds,
    IReadOnlyList<Factor> ApplicantFactors,
    double MatchProbability)
{
    public double ApplicantLogOdds { get; init; }

    public required GaussHermite Rule { get; init; }

    /// <summary>The reference list's chances with the applicant's terms (unconditional, P(K ≥ 1), E[K]).</summary>
    public ListChances Reference { get; init; }
}

/// <summary>
/// Shown when the list is partial: the catalog lists fewer programs of the specialty than a typical applicant applies
/// to (<see cref="TooFewForPlan"/>: the plan chance is not the applicant's chance), and/or the chosen area has programs
/// known to exist that no cited list confirmed (<see cref="KnownNotListed"/>).
/// </summary>
public sealed record Coverage(int ProgramsListed, bool Partial, string Note)
{
    public bool TooFewForPlan { get; init; }

    public int KnownNotListed { get; init; }
}

public sealed record RankResult(SpecialtyAssessment Assessment, IReadOnlyList<ScoredProgram> Programs, PlanResult Plan, int ProgramsConsidered)
{
    public Coverage? Coverage { get; init; }

    /// <summary>Per quadrature node, Π(1 − q·pⱼ) over every eligible program considered (for P(match) if all applied across specialties).</summary>
    public IReadOnlyList<double> MissAllByNode { get; init; } = [];
}
