using SmartPick.Ranking.Model;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Chances;

/// <summary>Interview season: the interviews an applicant has (count; optionally which programs).</summary>
public sealed record ChancesQuery(string Specialty, int AsOfYear, int Interviews, IReadOnlyList<string>? Programs = null);

/// <summary>A program the applicant interviews at, with the interview chance the model gave it before the season.</summary>
public sealed record InterviewProgram(string AcgmeId, string Name, double InterviewProbability);

/// <param name="PMatch">P(match | these interviews, no more): 1 − (1 − q)^k.</param>
/// <param name="WithMore">P(match) with 1, 2 and 3 more interviews.</param>
/// <param name="StrengthPercentile">Where the interviews place the applicant's shared strength among applicants with the same profile (0–1; 0.5 = typical).</param>
/// <param name="ExpectedInterviews">Interviews the plan expected from the recommended list before the season.</param>
public sealed record ChancesResult(
    SpecialtyAssessment Assessment,
    int Interviews,
    double PMatch,
    IReadOnlyList<double> WithMore,
    double StrengthPercentile,
    double ExpectedInterviews,
    int PlanApplications,
    IReadOnlyList<InterviewProgram> Programs,
    IReadOnlyList<string> UnknownPrograms);

/// <summary>
/// P(match | k interviews) under the fitted model (knowledge/model.md §10). Each interview converts with q whatever the
/// applicant's strength, so the count decides the chance; the shared strength u shows in how many interviews came, and
/// its posterior (given k interviews from the recommended list, and which programs when named) tells the applicant
/// whether they are doing better than a typical applicant with their profile.
/// </summary>
public static class InterviewChances
{
    public static ChancesResult For(RankingEngine engine, ApplicantProfile profile, ChancesQuery query)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Interviews);
        var rank = engine.Rank(profile, new RankQuery(query.Specialty, query.AsOfYear, Top: 1));
        var cal = rank.Assessment.Calibration;
        var named = new List<(InterviewProgram Program, double LogOdds)>();
        var unknown = new List<string>();
        foreach (var id in (query.Programs ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (engine.Model.Program(id) is { } program && string.Equals(program.Specialty, cal.Specialty, StringComparison.OrdinalIgnoreCase))
            {
                var scored = engine.Score(profile, program, rank.Assessment, query.AsOfYear);
                named.Add((new InterviewProgram(id, program.Name, scored.InterviewProbability), scored.LogOdds));
            }
            else
            {
                unknown.Add(id);
            }
        }

        var k = Math.Max(query.Interviews, named.Count);
        var namedIds = named.Select(n => n.Program.AcgmeId).ToHashSet(StringComparer.Ordinal);
        var others = rank.Plan.Steps.Take(rank.Plan.RecommendedApplications).Where(s => !namedIds.Contains(s.AcgmeId)).Select(s => s.LogOdds).ToArray();
        var q = cal.InterviewMatchQ;
        return new ChancesResult(
            rank.Assessment,
            k,
            Match(q, k),
            [Match(q, k + 1), Match(q, k + 2), Match(q, k + 3)],
            StrengthPercentile(rank.Assessment, [.. named.Select(n => n.LogOdds)], others, k - named.Count),
            rank.Plan.ExpectedInterviews,
            rank.Plan.RecommendedApplications,
            [.. named.Select(n => n.Program)],
            unknown);
    }

    public static double Match(double q, int interviews) => 1 - Math.Pow(1 - q, interviews);

    /// <summary>
    /// Posterior of u over the quadrature nodes: likelihood Π(named pⱼ(u)) × P(exactly <paramref name="rest"/> interviews
    /// among the other listed programs | u); reported as the posterior mean of Φ(u/σ).
    /// </summary>
    private static double StrengthPercentile(SpecialtyAssessment a, double[] named, double[] others, int rest)
    {
        var rule = a.Rule;
        if (rule.Sigma == 0)
        {
            return 0.5;
        }

        double total = 0, percentile = 0;
        for (var h = 0; h < rule.Count; h++)
        {
            var likelihood = 1.0;
            foreach (var eta in named)
            {
                likelihood *= 1 / (1 + (Math.Exp(-eta) * rule.ExpNegNodes[h]));
            }

            likelihood *= CountProbability(others, rest, rule.ExpNegNodes[h]);
            total += rule.Weights[h] * likelihood;
            percentile += rule.Weights[h] * likelihood * Logistic.NormalCdf(rule.Nodes[h] / rule.Sigma);
        }

        return total > 0 ? percentile / total : 0.5;
    }

    /// <summary>Poisson-binomial P(K = k) at one node; k beyond the list length is treated as interviews from unlisted programs.</summary>
    private static double CountProbability(double[] logOdds, int k, double expNegU)
    {
        var size = Math.Min(k, logOdds.Length) + 1;
        Span<double> dist = stackalloc double[size];
        dist[0] = 1;
        for (var j = 0; j < logOdds.Length; j++)
        {
            var p = 1 / (1 + (Math.Exp(-logOdds[j]) * expNegU));
            for (var i = Math.Min(j + 1, size - 1); i >= 1; i--)
            {
                dist[i] = (dist[i] * (1 - p)) + (dist[i - 1] * p);
            }

            dist[0] *= 1 - p;
        }

        return dist[size - 1];
    }
}
