namespace SmartPick.Ranking.Planning;

/// <summary>Exact distribution of the number of successes of independent Bernoulli trials with different probabilities.</summary>
public static class PoissonBinomial
{
    /// <summary>P(K = k) for k = 0..n, by the O(n²) recurrence (numerically stable: only additions of non-negative terms).</summary>
    public static double[] Distribution(ReadOnlySpan<double> p)
    {
        var dist = new double[p.Length + 1];
        dist[0] = 1;
        for (var i = 0; i < p.Length; i++)
        {
            var pi = p[i];
            if (pi is < 0 or > 1 or double.NaN)
            {
                throw new ArgumentOutOfRangeException(nameof(p), pi, "probabilities must be in [0, 1]");
            }

            for (var k = i + 1; k >= 1; k--)
            {
                dist[k] = (dist[k] * (1 - pi)) + (dist[k - 1] * pi);
            }

            dist[0] *= 1 - pi;
        }

        return dist;
    }

    /// <summary>P(match) = Σ P(K = k)·(1 − (1 − q)^k): each interview independently converts with probability q.</summary>
    public static double MatchProbability(ReadOnlySpan<double> distribution, double q)
    {
        double sum = 0, miss = 1;
        for (var k = 0; k < distribution.Length; k++)
        {
            sum += distribution[k] * (1 - miss);
            miss *= 1 - q;
        }

        return sum;
    }
}
