using System.Globalization;
using SmartPick.Ranking.Catalog;

namespace SmartPick.Ranking.Fitting;

/// <summary>Reads knowledge/outcomes/contiguous-ranks.csv (fit inputs) and interview-fit.csv (fit output); writes the latter.</summary>
public static class FitFiles
{
    private static readonly string[] InputColumns =
    [
        "specialty", "matched", "not_matched", "matched_n", "matched_mean", "matched_sd", "not_matched_n", "not_matched_mean", "not_matched_sd", "reference_applications",
    ];

    private static readonly string[] OutputColumns = ["specialty", "basis", "sigma", "q"];

    public static IReadOnlyList<RankSummary> ReadInputs(TextReader reader, string file)
    {
        var table = CsvTable.Parse(reader, file, InputColumns);
        return [.. table.Rows.Select(r => new RankSummary(
            r.Required("specialty"),
            Whole(r, "matched"),
            Whole(r, "not_matched"),
            Cohort(r, "matched"),
            Cohort(r, "not_matched"),
            Whole(r, "reference_applications")))];
    }

    /// <summary>Specialty → (σ, q); the pooled row is keyed by <see cref="InterviewFit.PooledName"/>.</summary>
    public static IReadOnlyDictionary<string, (double Sigma, double Q)> ReadOutput(TextReader reader, string file)
    {
        var table = CsvTable.Parse(reader, file, OutputColumns);
        return table.Rows.ToDictionary(
            r => r.Required("specialty"),
            r => (r.Real("sigma", 0, 5) ?? throw r.Fail("sigma", "value is required"), r.Real("q", 0.001, 0.999) ?? throw r.Fail("q", "value is required")),
            StringComparer.OrdinalIgnoreCase);
    }

    public static void WriteOutput(TextWriter writer, IEnumerable<FittedSpecialty> fits)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fits);
        writer.Write("specialty,basis,sigma,q,eta0,rate_obs,rate_fit,matched_mean_obs,matched_mean_fit,matched_sd_obs,matched_sd_fit,matched_median_obs,matched_median_fit,");
        writer.Write("unmatched_mean_obs,unmatched_mean_fit,unmatched_sd_obs,unmatched_sd_fit,unmatched_median_obs,unmatched_median_fit\n");
        foreach (var f in fits)
        {
            var o = f.Observed;
            string N(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
            string M(double? v) => v?.ToString("0.#", CultureInfo.InvariantCulture) ?? string.Empty;
            string[] cells =
            [
                f.Specialty, f.Basis, N(f.Sigma), N(f.Q), N(f.Eta0), N(o.MatchRate), N(f.Fitted.MatchRate),
                N(o.MatchedRanks.Mean), N(f.Fitted.MatchedMean), N(o.MatchedRanks.Sd), N(f.Fitted.MatchedSd), M(o.MatchedRanks.Median), M(f.Fitted.MatchedMedian),
                N(o.UnmatchedRanks.Mean), N(f.Fitted.UnmatchedMean), N(o.UnmatchedRanks.Sd), N(f.Fitted.UnmatchedSd), M(o.UnmatchedRanks.Median), M(f.Fitted.UnmatchedMedian),
            ];
            writer.Write(string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) || c.Contains('(', StringComparison.Ordinal) ? $"\"{c}\"" : c)));
            writer.Write('\n');
        }
    }

    private static int Whole(CsvRow r, string column) => r.WholeNumber(column, 0, 1_000_000) ?? throw r.Fail(column, "value is required");

    private static CohortRanks Cohort(CsvRow r, string prefix) => new(
        Whole(r, prefix + "_n"),
        r.Real(prefix + "_mean", 0, 100) ?? throw r.Fail(prefix + "_mean", "value is required"),
        r.Real(prefix + "_sd", 0, 100) ?? throw r.Fail(prefix + "_sd", "value is required"),
        r.Real(prefix + "_median", 0, 100));
}
