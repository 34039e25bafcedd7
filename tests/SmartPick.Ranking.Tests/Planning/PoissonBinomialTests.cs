using CsCheck;
using SmartPick.Ranking.Planning;

namespace SmartPick.Ranking.Tests.Planning;

public sealed class PoissonBinomialTests
{
    [Fact]
    public void Distribution_MatchesBruteForceEnumeration() =>
        Gen.Double[0, 1].Array[0, 10].Sample(p =>
        {
            var exact = PoissonBinomial.Distribution(p);
            var brute = BruteForce(p);
            for (var k = 0; k <= p.Length; k++)
            {
                Approx.Equal(brute[k], exact[k]);
            }
        }, iter: 300);

    [Fact]
    public void MatchProbability_EqualsProductForm() =>
        Gen.Select(Gen.Double[0, 1].Array[0, 40], Gen.Double[0.01, 0.99]).Sample((p, q) =>
        {
            var product = 1 - p.Aggregate(1.0, (acc, x) => acc * (1 - (q * x)));
            Approx.Equal(product, PoissonBinomial.MatchProbability(PoissonBinomial.Distribution(p), q), relative: 1e-9, absolute: 1e-12);
        }, iter: 300);

    [Fact]
    public void Distribution_LargeList_SumsToOne()
    {
        var p = Enumerable.Range(0, 700).Select(i => (i % 50) / 60.0).ToArray();

        Approx.Equal(1.0, PoissonBinomial.Distribution(p).Sum());
    }

    private static double[] BruteForce(double[] p)
    {
        var dist = new double[p.Length + 1];
        for (var mask = 0; mask < 1 << p.Length; mask++)
        {
            double prob = 1;
            var k = 0;
            for (var i = 0; i < p.Length; i++)
            {
                var hit = (mask & (1 << i)) != 0;
                prob *= hit ? p[i] : 1 - p[i];
                k += hit ? 1 : 0;
            }

            dist[k] += prob;
        }

        return dist;
    }
}
