namespace SmartPick.Ranking.Quadrature;

/// <summary>
/// Interview-count distributions under the shared-strength model: given u, interviews at programs are independent;
/// the unconditional distribution is the Gauss–Hermite mixture over u.
/// </summary>
public static class InterviewCounts
{
    /// <summary>P(K = k), k = 0..n, for n applications that all have interview log-odds <paramref name="eta"/> + u.</summary>
    public static double[] Homogeneous(int n, double eta, GaussHermite rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var mix = new double[n + 1];
        var pmf = new double[n + 1];
        for (var h = 0; h < rule.Count; h++)
        {
            Binomial(n, 1 / (1 + (Math.Exp(-eta) * rule.ExpNegNodes[h])), pmf);
            for (var k = 0; k <= n; k++)
            {
                mix[k] += rule.Weights[h] * pmf[k];
            }
        }

        return mix;
    }

    /// <summary>Binomial(n, p) probabilities into <paramref name="pmf"/>, by the ratio recurrence from the heavier end (no underflow for n ≤ ~500).</summary>
    public static void Binomial(int n, double p, Span<double> pmf)
    {
        p = Math.Clamp(p, 1e-15, 1 - 1e-15);
        if (p <= 0.5)
        {
            var ratio = p / (1 - p);
            pmf[0] = Math.Pow(1 - p, n);
            for (var k = 0; k < n; k++)
            {
                pmf[k + 1] = pmf[k] * (n - k) / (k + 1) * ratio;
            }
        }
        else
        {
            var ratio = (1 - p) / p;
            pmf[n] = Math.Pow(p, n);
            for (var k = n; k > 0; k--)
            {
                pmf[k - 1] = pmf[k] * k / (n - k + 1) * ratio;
            }
        }
    }
}
