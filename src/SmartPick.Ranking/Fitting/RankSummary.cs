namespace SmartPick.Ranking.Fitting;

/// <summary>NRMP summary of one cohort's contiguous ranks: count, mean, SD and (where published) median.</summary>
public sealed record CohortRanks(int N, double Mean, double Sd, double? Median);

/// <summary>
/// What the interview fit reads for one specialty (knowledge/outcomes/contiguous-ranks.csv): the non-US IMG match rate,
/// contiguous ranks of matched and unmatched applicants, and the reference number of applications.
/// </summary>
public sealed record RankSummary(string Specialty, int Matched, int NotMatched, CohortRanks MatchedRanks, CohortRanks UnmatchedRanks, int Applications)
{
    public double MatchRate => (double)Matched / (Matched + NotMatched);

    public int RanksN => MatchedRanks.N + UnmatchedRanks.N;

    /// <summary>All specialties as one cohort: counts add, means are n-weighted, SDs combine within- and between-specialty variance; medians cannot be pooled.</summary>
    public static RankSummary Pool(string name, IReadOnlyList<RankSummary> rows, int applications)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new RankSummary(
            name,
            rows.Sum(r => r.Matched),
            rows.Sum(r => r.NotMatched),
            PoolCohort([.. rows.Select(r => r.MatchedRanks)]),
            PoolCohort([.. rows.Select(r => r.UnmatchedRanks)]),
            applications);
    }

    private static CohortRanks PoolCohort(IReadOnlyList<CohortRanks> cohorts)
    {
        var n = cohorts.Sum(c => c.N);
        var mean = cohorts.Sum(c => c.N * c.Mean) / n;
        var variance = cohorts.Sum(c => c.N * ((c.Sd * c.Sd) + ((c.Mean - mean) * (c.Mean - mean)))) / n;
        return new CohortRanks(n, mean, Math.Sqrt(variance), null);
    }
}
