using SmartPick.Ranking.Outcomes;

namespace SmartPick.Ranking.Model;

/// <summary>
/// Specialty-level P(match to the preferred specialty | Step 2 CK) (knowledge/model.md §2–§3).
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
}
