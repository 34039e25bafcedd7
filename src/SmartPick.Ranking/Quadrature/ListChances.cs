namespace SmartPick.Ranking.Quadrature;

/// <summary>P(match), P(at least one interview) and E[interviews] of a list, integrated over the shared strength u.</summary>
public readonly record struct ListChances(double PMatch, double PAtLeastOneInterview, double ExpectedInterviews)
{
    /// <summary>P(match | at least one interview): NRMP's cohort (applicants who certified a rank list).</summary>
    public double PMatchGivenInterview => PAtLeastOneInterview > 0 ? PMatch / PAtLeastOneInterview : 0;

    /// <summary>
    /// Chances of applying to programs with interview log-odds <paramref name="logOdds"/>[j] + <paramref name="shift"/> + u,
    /// each interview converting with <paramref name="q"/>: mixtures over the nodes of 1 − Π(1 − q·pⱼ(u)) and 1 − Π(1 − pⱼ(u)).
    /// </summary>
    public static ListChances Of(ReadOnlySpan<double> logOdds, double shift, double q, GaussHermite rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Span<double> miss = stackalloc double[rule.Count];
        Span<double> none = stackalloc double[rule.Count];
        miss.Fill(1);
        none.Fill(1);
        double expected = 0;
        var w = rule.Weights;
        var en = rule.ExpNegNodes;
        foreach (var eta in logOdds)
        {
            var e = Math.Exp(-(eta + shift));
            for (var h = 0; h < miss.Length; h++)
            {
                var p = 1 / (1 + (e * en[h]));
                miss[h] *= 1 - (q * p);
                none[h] *= 1 - p;
                expected += w[h] * p;
            }
        }

        double pm = 0, p1 = 0;
        for (var h = 0; h < miss.Length; h++)
        {
            pm += w[h] * (1 - miss[h]);
            p1 += w[h] * (1 - none[h]);
        }

        return new ListChances(pm, p1, expected);
    }

    /// <summary>
    /// The shift β for which the list reproduces <paramref name="target"/> = P(match | at least one interview)
    /// (bisection; the conditional chance rises with β). Targets outside what the list can reach give the nearest end.
    /// </summary>
    public static double SolveShift(ReadOnlySpan<double> logOdds, double target, double q, GaussHermite rule)
    {
        double lo = -20, hi = 12;
        for (var i = 0; i < 48; i++)
        {
            var mid = (lo + hi) / 2;
            if (Of(logOdds, mid, q, rule).PMatchGivenInterview < target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }
}
