using SmartPick.Ranking.Outcomes;

namespace SmartPick.Ranking.Model;

/// <summary>
/// Specialty-level P(match to the preferred specialty | Step 2 CK) and the calibration that turns it into a per-program
/// interview baseline (knowledge/model.md §2–§4).
/// </summary>
public static class SpecialtyCurve
{
    /// <summary>Log-odds of matching at <paramref name="step2"/> (null: the specialty's base rate) plus a shift.</summary>
    public static double LogOdds(SpecialtyCalibration c, int? step2, double shift = 0)
    {
        ArgumentNullException.ThrowIfNull(c);
        var core = step2 is { } s ? c.L240 + (c.B10 * (s - 240) / 10.0) : Logistic.Logit(c.BaseRate);
        return core + shift;
    }

    public static double Probability(SpecialtyCalibration c, int? step2, double shift = 0) => Logistic.Sigmoid(LogOdds(c, step2, shift));

    /// <summary>
    /// Per-program interview log-odds for a reference applicant sending <see cref="SpecialtyCalibration.ReferenceApplications"/>
    /// applications to programs of average openness, chosen so that P(match) = 1 − (1 − q·p)^N equals <paramref name="target"/>.
    /// </summary>
    public static double BaselineInterviewLogOdds(SpecialtyCalibration c, double target)
    {
        ArgumentNullException.ThrowIfNull(c);
        var n = c.ReferenceApplications;
        var perProgramMatch = 1 - Math.Pow(1 - Logistic.Clamp01(target), 1.0 / n);
        var p = Logistic.Clamp01(perProgramMatch / c.InterviewMatchQ);
        return Logistic.Logit(Math.Min(p, 0.999));
    }

    /// <summary>P(match) of the reference list when every program's interview log-odds is <paramref name="logOdds"/>.</summary>
    public static double ReferenceMatchProbability(SpecialtyCalibration c, double logOdds)
    {
        ArgumentNullException.ThrowIfNull(c);
        var p = Logistic.Sigmoid(logOdds);
        return 1 - Math.Pow(1 - (c.InterviewMatchQ * p), c.ReferenceApplications);
    }
}
