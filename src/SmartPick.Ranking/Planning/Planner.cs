using SmartPick.Ranking.Quadrature;

namespace SmartPick.Ranking.Planning;

/// <summary>
/// Builds the application plan under the shared-strength model (knowledge/model.md §8). Given u, interviews are
/// independent, so P(match | u) = 1 − Π(1 − q·pⱼ(u)); every program's chance rises with u in the same order, so the
/// greedy list is the candidates in order of interview chance and the plan is a running product per quadrature node (signals: <see cref="SignalPlacer"/>).
/// </summary>
public static class Planner
{
    /// <summary>Interview counts are reported for k = 0..MaxReportedInterviews (the JSON shows the first 31).</summary>
    public const int MaxReportedInterviews = 30;

    /// <param name="ordered">Eligible candidates, best first (the caller's display order).</param>
    /// <param name="pMatchIfAllApplied">P(match) over every eligible program, computed by the caller in its scoring pass.</param>
    public static PlanResult Plan(IReadOnlyList<PlanCandidate> ordered, GaussHermite rule, RankingSettings settings, double pMatchIfAllApplied, int eligiblePrograms)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(settings);
        var h = rule.Count;
        if (ordered.Any(c => c.ExpNegNodes is { } n && n.Length != h))
        {
            throw new ArgumentException("every candidate's nodes must follow the plan's rule", nameof(ordered));
        }

        var miss = new double[h];
        var none = new double[h];
        Array.Fill(miss, 1);
        Array.Fill(none, 1);
        var steps = new List<PlanStep>(Math.Min(ordered.Count, settings.MaxApplications + 1));
        double cumulative = 0, pAny = 0, expected = 0;
        var recommended = 0;
        var stopped = false;
        foreach (var c in ordered)
        {
            if (steps.Count > settings.MaxApplications)
            {
                break;
            }

            var e = Math.Exp(-c.LogOdds);
            var en = c.ExpNegNodes ?? rule.ExpNegNodes;
            double match = 0, any = 0;
            for (var i = 0; i < h; i++)
            {
                var p = 1 / (1 + (e * en[i]));
                miss[i] *= 1 - (c.Q * p);
                none[i] *= 1 - p;
                match += rule.Weights[i] * (1 - miss[i]);
                any += rule.Weights[i] * (1 - none[i]);
            }

            var gain = match - cumulative;
            stopped |= recommended >= settings.MaxApplications || (!c.Kept && recommended > 0 && gain < settings.MinRelativeGain * cumulative);
            if (!stopped)
            {
                recommended++;
                pAny = any;
                expected += c.InterviewProbability;
            }

            cumulative = match;
            steps.Add(new PlanStep(c.AcgmeId, c.InterviewProbability, settings.TierFor(c.InterviewProbability), gain, match, c.LogOdds, c.Specialty));
        }

        var chosen = steps.Take(recommended).ToList();
        var pMatch = recommended == 0 ? 0 : chosen[^1].CumulativeMatchProbability;
        return new PlanResult
        {
            Steps = steps,
            RecommendedApplications = recommended,
            InterviewDistribution = Distribution(ordered, recommended, rule),
            ExpectedInterviews = expected,
            PAtLeastOneInterview = pAny,
            PMatch = pMatch,
            PMatchGivenInterview = pAny > 0 ? pMatch / pAny : 0,
            PMatchIfAllApplied = pMatchIfAllApplied,
            EligiblePrograms = eligiblePrograms,
            TierMix = Enum.GetValues<Tier>().ToDictionary(t => t, t => chosen.Count(s => s.Tier == t)),
        };
    }

    /// <summary>P(K = k) for k ≤ <see cref="MaxReportedInterviews"/>: per node the Poisson-binomial recurrence, then the mixture.</summary>
    private static double[] Distribution(IReadOnlyList<PlanCandidate> ordered, int n, GaussHermite rule)
    {
        var size = Math.Min(n, MaxReportedInterviews) + 1;
        var mix = new double[size];
        Span<double> dist = stackalloc double[size];
        for (var i = 0; i < rule.Count; i++)
        {
            dist.Clear();
            dist[0] = 1;
            for (var j = 0; j < n; j++)
            {
                var p = 1 / (1 + (Math.Exp(-ordered[j].LogOdds) * (ordered[j].ExpNegNodes ?? rule.ExpNegNodes)[i]));
                for (var k = Math.Min(j + 1, size - 1); k >= 1; k--)
                {
                    dist[k] = (dist[k] * (1 - p)) + (dist[k - 1] * p);
                }

                dist[0] *= 1 - p;
            }

            for (var k = 0; k < size; k++)
            {
                mix[k] += rule.Weights[i] * dist[k];
            }
        }

        return mix;
    }
}
