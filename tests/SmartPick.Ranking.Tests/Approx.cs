namespace SmartPick.Ranking.Tests;

/// <summary>
/// Floating-point comparison with a relative tolerance (plus a tiny absolute floor near zero). Rounding both values to
/// N decimals fails whenever they straddle a rounding boundary, however close they are.
/// </summary>
internal static class Approx
{
    public static void Equal(double expected, double actual, double relative = 1e-9, double absolute = 1e-14)
    {
        var allowed = Math.Max(absolute, relative * Math.Max(Math.Abs(expected), Math.Abs(actual)));
        Assert.True(Math.Abs(expected - actual) <= allowed, $"expected {expected:R}, actual {actual:R} (allowed difference {allowed:R})");
    }
}
