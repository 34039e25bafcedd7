using SmartPick.Ranking.Catalog;

namespace SmartPick.Ranking.Outcomes;

public enum CurveShape
{
    Logistic,
    Flat,
}

/// <summary>
/// Derived NRMP parameters for one specialty (knowledge/outcomes/specialty-calibration.csv): the Step 2 CK curve
/// <c>P(S) = 1 / (1 + exp(-(L240 + B10 (S - 240) / 10)))</c>, the pooled-SD normal model behind it, and the
/// interview-to-match conversion <see cref="InterviewMatchQ"/> and shared-strength SD <see cref="Sigma"/>.
/// </summary>
public sealed record SpecialtyCalibration
{
    public required string Specialty { get; init; }
    public int SampleSize { get; init; }
    public double BaseRate { get; init; }
    public double PooledSd { get; init; }
    public double ScoreCenter { get; init; }
    public double ScoreGap { get; init; }
    public double B10Fit { get; init; }
    public CurveShape Shape { get; init; }
    public double L240 { get; init; }
    public double B10 { get; init; }

    /// <summary>Interview→match conversion q (fitted with <see cref="Sigma"/>, knowledge/outcomes/interview-fit.csv).</summary>
    public double InterviewMatchQ { get; init; }

    /// <summary>SD of the shared applicant-strength term u on every program's interview log-odds.</summary>
    public double Sigma { get; init; }

    public string FitBasis { get; init; } = string.Empty;

    /// <summary>NRMP contiguous ranks of matched / unmatched non-US IMGs (knowledge/outcomes/contiguous-ranks.csv), when published.</summary>
    public Fitting.CohortRanks? MatchedRanks { get; init; }

    public Fitting.CohortRanks? UnmatchedRanks { get; init; }
    public int ReferenceApplications { get; init; }
    public required Provenance Provenance { get; init; }

    public double MatchedMean => ScoreCenter + (ScoreGap / 2);

    public double UnmatchedMean => ScoreCenter - (ScoreGap / 2);
}
