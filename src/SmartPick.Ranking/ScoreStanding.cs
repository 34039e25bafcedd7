using SmartPick.Ranking.Model;
using SmartPick.Ranking.Outcomes;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking;

/// <summary>Where a Step 2 CK score stands among non-US IMGs who matched / did not match in a specialty (normal model, §2).</summary>
public sealed record ScoreStanding(SpecialtyCalibration Calibration, int? Step2, double? PercentileMatched, double? PercentileUnmatched, double CurveProbability, string Trend)
{
    public bool ScoreSeparates => Calibration.Shape == CurveShape.Logistic && Calibration.B10 >= 0.1;

    public static ScoreStanding For(ApplicantProfile profile, SpecialtyCalibration c)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(c);
        var s = profile.Step2ck?.Score;
        double? pm = s is { } v ? Logistic.NormalCdf((v - c.MatchedMean) / c.PooledSd) : null;
        double? pu = s is { } w ? Logistic.NormalCdf((w - c.UnmatchedMean) / c.PooledSd) : null;
        return new ScoreStanding(c, s, pm, pu, SpecialtyCurve.Probability(c, s), TrendText(profile));
    }

    private static string TrendText(ApplicantProfile p) => (p.Step1, p.Step2ck?.Score) switch
    {
        ({ Result: Step1Result.Score, Score: { } s1 }, { } s2) when s2 >= s1 => $"Step 2 CK {s2} is {s2 - s1} points above your Step 1 {s1}: an upward trend.",
        ({ Result: Step1Result.Score, Score: { } s1 }, { } s2) => $"Step 2 CK {s2} is {s1 - s2} points below your Step 1 {s1}: programs may ask about it.",
        ({ Result: Step1Result.Pass }, _) => "Step 1 is pass/fail, so Step 2 CK is your only numeric score.",
        ({ Result: Step1Result.Fail }, _) => "Step 1 shows a failed attempt; a strong Step 2 CK is the main way to offset it.",
        _ => "Step 1 result not given.",
    };
}
