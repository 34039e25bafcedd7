namespace SmartPick.Ranking.Model;

internal static class Logistic
{
    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static double Logit(double p) => Math.Log(p / (1 - p));

    public static double Clamp01(double p) => Math.Clamp(p, 1e-9, 1 - 1e-9);

    /// <summary>Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| &lt; 1.5e-7).</summary>
    public static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var erf = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
