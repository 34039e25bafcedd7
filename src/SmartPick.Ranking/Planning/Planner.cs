using SmartPick.Ranking.Model;

namespace SmartPick.Ranking.Planning;

/// <summary>
/// Builds the application plan. With P(match) = 1 − Π(1 − q·pᵢ), the greedy choice that maximises P(match) per added
/// application is always the remaining program with the highest interview probability, so the greedy list is a sort.
/// </summary>
public static class Planner
{
    public static PlanResult Plan(IReadOnlyList<(string AcgmeId, double P)> candidates, double q, SignalQuota? quota, RankingSettings settings, double signalOddsRatio)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(settings);
        var ordered = candidates.OrderByDescending(c => c.P).ThenBy(c => c.AcgmeId, StringComparer.Ordinal).ToArray();
        var steps = new List<PlanStep>(ordered.Length);
        double miss = 1;
        var recommended = 0;
        foreach (var (id, p) in ordered)
        {
            var gain = miss * q * p;
            miss *= 1 - (q * p);
            steps.Add(new PlanStep(id, p, settings.TierFor(p), gain, 1 - miss));
            if (recommended == steps.Count - 1 && gain >= settings.MinMarginalGain && recommended < settings.MaxApplications)
            {
                recommended++;
            }
        }

        var chosen = ordered.Take(recommended).Select(c => c.P).ToArray();
        var dist = PoissonBinomial.Distribution(chosen);
        var mix = Enum.GetValues<Tier>().ToDictionary(t => t, t => steps.Take(recommended).Count(s => s.Tier == t));
        return new PlanResult
        {
            Steps = steps,
            RecommendedApplications = recommended,
            InterviewDistribution = dist,
            ExpectedInterviews = chosen.Sum(),
            PAtLeastOneInterview = 1 - dist[0],
            PMatch = PoissonBinomial.MatchProbability(dist, q),
            PMatchIfAllApplied = steps.Count == 0 ? 0 : steps[^1].CumulativeMatchProbability,
            TierMix = mix,
            Signals = PlaceSignals(steps.Take(recommended).ToList(), quota, signalOddsRatio),
        };
    }

    /// <summary>
    /// Signals go where they raise the interview chance most, p' − p with odds × r: that favours realistic Targets over
    /// long-shot Reaches (domain-data §11). Silver signals use half the log-odds effect of gold.
    /// </summary>
    private static List<SignalPick> PlaceSignals(List<PlanStep> steps, SignalQuota? quota, double r)
    {
        var picks = new List<SignalPick>();
        if (quota is null)
        {
            return picks;
        }

        var byGain = steps.Select(s => (s, Gain: Boost(s.InterviewProbability, r) - s.InterviewProbability)).OrderByDescending(x => x.Gain).ToList();
        var i = 0;
        void Take(int count, string kind, double ratio)
        {
            for (var n = 0; n < count && i < byGain.Count; n++, i++)
            {
                var s = byGain[i].s;
                picks.Add(new SignalPick(s.AcgmeId, kind, Boost(s.InterviewProbability, ratio) - s.InterviewProbability));
            }
        }

        Take(quota.Gold, "gold", r);
        Take(quota.Silver, "silver", Math.Sqrt(r));
        Take(quota.Standard, "signal", r);
        return picks;
    }

    private static double Boost(double p, double oddsRatio) => Logistic.Sigmoid(Logistic.Logit(Logistic.Clamp01(p)) + Math.Log(oddsRatio));
}
