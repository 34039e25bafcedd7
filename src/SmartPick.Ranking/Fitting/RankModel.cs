using SmartPick.Ranking.Quadrature;

namespace SmartPick.Ranking.Fitting;

/// <summary>What the shared-strength model predicts for NRMP's cohort (applicants with at least one interview, i.e. a certified list).</summary>
public sealed record PredictedRanks(double MatchRate, double MatchedMean, double MatchedSd, int MatchedMedian, double UnmatchedMean, double UnmatchedSd, int UnmatchedMedian);

/// <summary>
/// The reference applicant sends N applications with interview log-odds η₀ + u each, u ~ N(0, σ²); contiguous ranks ≈
/// interviews K; each interview converts independently with q, so P(match | K) = 1 − (1 − q)^K. NRMP counts only K ≥ 1.
/// </summary>
public static class RankModel
{
    public static PredictedRanks Predict(int applications, double eta0, double sigma, double q, GaussHermite? rule = null)
    {
        var pmf = InterviewCounts.Homogeneous(applications, eta0, rule ?? GaussHermite.For(sigma));
        double m0 = 0, m1 = 0, m2 = 0, u0 = 0, u1 = 0, u2 = 0, miss = 1;
        for (var k = 1; k < pmf.Length; k++)
        {
            miss *= 1 - q;
            var m = pmf[k] * (1 - miss);
            var u = pmf[k] * miss;
            m0 += m;
            m1 += m * k;
            m2 += m * k * k;
            u0 += u;
            u1 += u * k;
            u2 += u * k * k;
        }

        double Sd(double w, double s1, double s2) => Math.Sqrt(Math.Max(0, (s2 / w) - ((s1 / w) * (s1 / w))));
        return new PredictedRanks(
            m0 / (m0 + u0),
            m1 / m0,
            Sd(m0, m1, m2),
            Median(pmf, q, matched: true, m0),
            u1 / u0,
            Sd(u0, u1, u2),
            Median(pmf, q, matched: false, u0));
    }

    /// <summary>Smallest k with cumulative share ≥ 1/2 (the median of an integer count).</summary>
    private static int Median(double[] pmf, double q, bool matched, double total)
    {
        double c = 0, miss = 1;
        for (var k = 1; k < pmf.Length; k++)
        {
            miss *= 1 - q;
            c += pmf[k] * (matched ? 1 - miss : miss) / total;
            if (c >= 0.5)
            {
                return k;
            }
        }

        return pmf.Length - 1;
    }
}
