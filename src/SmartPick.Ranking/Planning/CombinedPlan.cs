namespace SmartPick.Ranking.Planning;

/// <summary>
/// One application plan across several specialties (knowledge/model.md §8): the candidates of every specialty's greedy
/// order, merged by what the next application adds to P(match in any) given the list so far, under one shared strength,
/// so applying to two specialties does not bring back the independent over-promise.
/// </summary>
public static class CombinedPlan
{
    public static PlanResult Across(IReadOnlyList<RankResult> results, RankingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(settings);
        var rule = results[0].Assessment.Rule;
        if (results.Any(r => r.Assessment.Rule.Count != rule.Count))
        {
            throw new ArgumentException("every specialty must be ranked with the same number of quadrature nodes", nameof(results));
        }

        var candidates = Merge(results, settings);
        double allApplied = 0;
        for (var h = 0; h < rule.Count; h++)
        {
            var miss = 1.0;
            foreach (var r in results)
            {
                miss *= r.MissAllByNode[h];
            }

            allApplied += rule.Weights[h] * (1 - miss);
        }

        return Planner.Plan(candidates, rule, settings, allApplied, results.Sum(r => r.Plan.EligiblePrograms));
    }

    /// <summary>
    /// Each specialty's own greedy order is kept; the next application is the specialty head that adds most to P(match)
    /// given the list so far — E_z[Π(1 − q·p)·q·pⱼ(z)], which counts that programs screen alike through the shared strength.
    /// First every specialty takes its <see cref="RankingSettings.MinPerSpecialty"/> best programs (the applicant asked for
    /// it; a specialty with better odds per application would otherwise take the whole list), then the rest goes to where
    /// it adds most. With one specialty this is that specialty's order.
    /// </summary>
    private static List<PlanCandidate> Merge(IReadOnlyList<RankResult> results, RankingSettings settings)
    {
        var count = settings.MaxApplications + 1;
        var weights = results[0].Assessment.Rule.Weights;
        var miss = new double[weights.Length];
        Array.Fill(miss, 1);
        var next = new int[results.Count];
        var merged = new List<PlanCandidate>(count);
        foreach (var floor in new[] { settings.MinPerSpecialty, int.MaxValue })
        {
            while (merged.Count < count && Best(results, next, miss, weights, floor) is var best and >= 0)
            {
                var r = results[best];
                var step = r.Plan.Steps[next[best]++];
                var q = r.Assessment.Calibration.InterviewMatchQ;
                var en = r.Assessment.Rule.ExpNegNodes;
                for (var h = 0; h < miss.Length; h++)
                {
                    miss[h] *= 1 - (q / (1 + (Math.Exp(-step.LogOdds) * en[h])));
                }

                merged.Add(new PlanCandidate(step.AcgmeId, step.LogOdds, step.InterviewProbability, q, r.Assessment.Calibration.Specialty)
                {
                    ExpNegNodes = en,
                    Kept = results.Count > 1 && floor != int.MaxValue,
                });
            }
        }

        return merged;
    }

    /// <summary>The specialty whose next program adds most (ties: the specialty named first); −1 when none is left under <paramref name="floor"/>.</summary>
    private static int Best(IReadOnlyList<RankResult> results, int[] next, double[] miss, double[] weights, int floor)
    {
        var best = -1;
        var bestGain = double.NegativeInfinity;
        for (var s = 0; s < results.Count; s++)
        {
            var steps = results[s].Plan.Steps;
            if (next[s] >= steps.Count || next[s] >= floor)
            {
                continue;
            }

            var e = Math.Exp(-steps[next[s]].LogOdds);
            var q = results[s].Assessment.Calibration.InterviewMatchQ;
            var en = results[s].Assessment.Rule.ExpNegNodes;
            double gain = 0;
            for (var h = 0; h < miss.Length; h++)
            {
                gain += weights[h] * miss[h] * q / (1 + (e * en[h]));
            }

            if (gain > bestGain)
            {
                (best, bestGain) = (s, gain);
            }
        }

        return best;
    }
}
