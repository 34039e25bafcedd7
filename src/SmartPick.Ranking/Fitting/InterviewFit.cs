namespace SmartPick.Ranking.Fitting;

/// <summary>One specialty's fitted shared-strength SD σ and interview→match rate q, with what they reproduce.</summary>
public sealed record FittedSpecialty(string Specialty, string Basis, RankSummary Observed, double Sigma, double Q, double Eta0, PredictedRanks Fitted, double Loss);

/// <summary>
/// Fits (σ, q) per specialty (knowledge/model.md §4): for each (σ, q), η₀ is solved so the model reproduces the match
/// rate exactly; (σ, q) minimise the squared errors of the matched and unmatched rank means and SDs. A coarse grid picks
/// the start, a pattern search refines it. Deterministic; specialties with fewer than <see cref="MinRanksN"/> ranked
/// applicants take the pooled fit.
/// </summary>
public static class InterviewFit
{
    public const int MinRanksN = 100;
    public const string PooledName = "(all specialties pooled)";

    public static IReadOnlyList<FittedSpecialty> FitAll(IReadOnlyList<RankSummary> rows, int pooledApplications)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var pooled = Fit(RankSummary.Pool(PooledName, rows, pooledApplications), "pooled: all specialties");
        var list = new List<FittedSpecialty> { pooled };
        foreach (var r in rows)
        {
            list.Add(r.RanksN >= MinRanksN
                ? Fit(r, "own contiguous ranks")
                : pooled with { Specialty = r.Specialty, Basis = $"pooled (n = {r.RanksN} < {MinRanksN})", Observed = r });
        }

        return list;
    }

    public static FittedSpecialty Fit(RankSummary s, string basis)
    {
        ArgumentNullException.ThrowIfNull(s);
        (double Loss, double Sigma, double LogitQ) best = (double.MaxValue, 0, 0);
        for (var sigma = 0.0; sigma <= 3.0001; sigma += 0.25)
        {
            for (var lq = -3.5; lq <= 1.0001; lq += 0.25)
            {
                var loss = Loss(s, sigma, lq, out _);
                if (loss < best.Loss)
                {
                    best = (loss, sigma, lq);
                }
            }
        }

        double stepS = 0.125, stepQ = 0.125;
        while (stepS > 1e-4)
        {
            var improved = false;
            foreach (var (ds, dq) in new[] { (stepS, 0.0), (-stepS, 0.0), (0.0, stepQ), (0.0, -stepQ) })
            {
                var sigma = Math.Clamp(best.Sigma + ds, 0, 3.5);
                var loss = Loss(s, sigma, best.LogitQ + dq, out _);
                if (loss < best.Loss - 1e-12)
                {
                    best = (loss, sigma, best.LogitQ + dq);
                    improved = true;
                }
            }

            if (!improved)
            {
                stepS /= 2;
                stepQ /= 2;
            }
        }

        var q = Sigmoid(best.LogitQ);
        Loss(s, best.Sigma, best.LogitQ, out var eta0);
        var rule = Quadrature.GaussHermite.For(best.Sigma);
        return new FittedSpecialty(s.Specialty, basis, s, Math.Round(best.Sigma, 4), Math.Round(q, 4), eta0, RankModel.Predict(s.Applications, eta0, best.Sigma, q, rule), best.Loss);
    }

    private static double Loss(RankSummary s, double sigma, double logitQ, out double eta0)
    {
        var q = Sigmoid(logitQ);
        var rule = Quadrature.GaussHermite.For(sigma);
        double lo = -14, hi = 6;
        for (var i = 0; i < 40; i++)
        {
            var mid = (lo + hi) / 2;
            if (RankModel.Predict(s.Applications, mid, sigma, q, rule).MatchRate < s.MatchRate)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        eta0 = (lo + hi) / 2;
        var p = RankModel.Predict(s.Applications, eta0, sigma, q, rule);
        return Sq(p.MatchedMean - s.MatchedRanks.Mean) + Sq(p.MatchedSd - s.MatchedRanks.Sd)
            + Sq(p.UnmatchedMean - s.UnmatchedRanks.Mean) + Sq(p.UnmatchedSd - s.UnmatchedRanks.Sd)
            + (100 * Sq(p.MatchRate - s.MatchRate));
    }

    private static double Sq(double x) => x * x;

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
