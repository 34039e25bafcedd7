using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Model;
using SmartPick.Ranking.Outcomes;
using SmartPick.Ranking.Planning;

namespace SmartPick.Ranking;

/// <summary>What to rank: a specialty (canonical name), optional region/state filters, how many to list, the current year.</summary>
public sealed record RankQuery(string Specialty, int AsOfYear, string? Region = null, string? State = null, int? Top = null);

/// <summary>A program with its tier, chance, eligibility and the factors that sum to its interview log-odds.</summary>
public sealed record ScoredProgram(ProgramRecord Program, Tier Tier, double InterviewProbability, double LogOdds, int FitScore, EligibilityResult Eligibility, IReadOnlyList<Factor> Factors);

/// <summary>Specialty-level view for one applicant: the NRMP curve value and the calibrated baseline.</summary>
public sealed record SpecialtyAssessment(
    SpecialtyCalibration Calibration,
    double CurveProbability,
    double TargetProbability,
    double BaselineLogOdds,
    IReadOnlyList<Factor> ApplicantFactors,
    double MatchProbability);

public sealed record RankResult(SpecialtyAssessment Assessment, IReadOnlyList<ScoredProgram> Programs, PlanResult Plan, int ProgramsConsidered);
