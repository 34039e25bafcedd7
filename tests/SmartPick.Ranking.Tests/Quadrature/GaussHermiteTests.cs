using CsCheck;
using SmartPick.Ranking.Quadrature;

namespace SmartPick.Ranking.Tests.Quadrature;

public sealed class GaussHermiteTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void Rule_ReproducesNormalMoments(double sigma)
    {
        var rule = GaussHermite.For(sigma);

        Approx.Equal(1, rule.Weights.Sum());
        Assert.InRange(rule.Weights.Zip(rule.Nodes, (w, u) => w * u).Sum(), -1e-12, 1e-12);
        Approx.Equal(sigma * sigma, rule.Weights.Zip(rule.Nodes, (w, u) => w * u * u).Sum(), relative: 1e-10);
        Approx.Equal(3 * Math.Pow(sigma, 4), rule.Weights.Zip(rule.Nodes, (w, u) => w * Math.Pow(u, 4)).Sum(), relative: 1e-10);
    }

    [Fact]
    public void MeanLogistic_WithinOneTenThousandthOfFineIntegration() =>
        Gen.Double[-8, 4].Select(Gen.Double[0, 3]).Sample((eta, sigma) =>
        {
            var rule = GaussHermite.For(sigma);
            Assert.True(Math.Abs(rule.MeanLogistic(eta) - Trapezoid(eta, sigma)) < 1e-4, $"eta {eta}, sigma {sigma}, nodes {rule.Count}");
        }, iter: 200);

    [Fact]
    public void ZeroSigma_IsTheLogistic() => Approx.Equal(1 / (1 + Math.Exp(1.3)), GaussHermite.For(0).MeanLogistic(-1.3));

    /// <summary>E[logistic(η + u)], u ~ N(0, σ²), by the trapezoid rule over ±10σ with 20,000 steps.</summary>
    private static double Trapezoid(double eta, double sigma)
    {
        if (sigma == 0)
        {
            return 1 / (1 + Math.Exp(-eta));
        }

        const int Steps = 20_000;
        double sum = 0, h = 20 * sigma / Steps;
        for (var i = 0; i <= Steps; i++)
        {
            var u = (-10 * sigma) + (i * h);
            var f = Math.Exp(-u * u / (2 * sigma * sigma)) / (sigma * Math.Sqrt(2 * Math.PI)) / (1 + Math.Exp(-(eta + u)));
            sum += (i == 0 || i == Steps ? 0.5 : 1) * f * h;
        }

        return sum;
    }
}
