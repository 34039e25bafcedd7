using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Planning;

namespace SmartPick.Ranking.Charts;

/// <summary>Ranking charts rendered with ScottPlot; each image carries a text alternative.</summary>
public sealed class ScottPlotRankingCharts : IRankingCharts
{
    private const int Width = 800;
    private const int Height = 450;

    public ReplyImage? ListChart(RankResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var listed = result.Programs.Where(p => p.Tier != Tier.Ineligible).ToList();
        if (listed.Count == 0)
        {
            return null;
        }

        var plot = new ScottPlot.Plot();
        foreach (var tier in new[] { Tier.LongShot, Tier.Possible, Tier.HigherChance })
        {
            var bars = listed.Select((p, i) => (p, i)).Where(x => x.p.Tier == tier)
                .Select(x => new ScottPlot.Bar { Position = x.i, Value = 100 * x.p.InterviewProbability, FillColor = TierColor(tier) }).ToList();
            if (bars.Count > 0)
            {
                plot.Add.Bars(bars).LegendText = Words(tier);
            }
        }

        plot.Axes.Bottom.SetTicks([.. listed.Select((_, i) => (double)i)], [.. listed.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Title($"Interview chance by program: {result.Assessment.Calibration.Specialty}");
        plot.YLabel("Interview chance (%)");
        plot.XLabel("Program (list order)");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend();
        var alt = $"Bar chart of interview chances for {listed.Count} listed programs: " +
            string.Join(", ", new[] { Tier.HigherChance, Tier.Possible, Tier.LongShot }.Select(t => $"{listed.Count(p => p.Tier == t)} {Words(t)}"));
        return Png(plot, alt, "ranking.png");
    }

    private static string Words(Tier tier) => tier switch
    {
        Tier.HigherChance => "higher chance",
        Tier.Possible => "possible",
        _ => "long shot",
    };

    public ReplyImage? PlanChart(RankResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var steps = result.Plan.Steps;
        if (steps.Count == 0)
        {
            return null;
        }

        var plot = new ScottPlot.Plot();
        var xs = Enumerable.Range(1, steps.Count).Select(i => (double)i).ToArray();
        var cumulative = plot.Add.Scatter(xs, [.. steps.Select(s => 100 * s.CumulativeMatchProbability)]);
        cumulative.LegendText = "P(match) %";
        var gain = plot.Add.Scatter(xs, [.. steps.Select(s => 100 * s.MarginalGain)]);
        gain.LegendText = "Gain per application (points)";
        plot.Add.VerticalLine(result.Plan.RecommendedApplications).LegendText = "Recommended";
        plot.Title("Application plan: diminishing returns");
        plot.XLabel("Applications (best first)");
        plot.YLabel("Percent");
        plot.ShowLegend();
        var alt = $"Line chart: P(match) rises to {result.Plan.PMatch:P0} at the recommended {result.Plan.RecommendedApplications} applications " +
            $"and {result.Plan.PMatchIfAllApplied:P0} with all {result.Plan.EligiblePrograms} eligible programs; gains per application shrink as programs are added.";
        return Png(plot, alt, "plan.png");
    }

    public ReplyImage? ScoreChart(ScoreStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var c = standing.Calibration;
        var xs = Enumerable.Range(0, 121).Select(i => 190.0 + i).ToArray();
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(xs, [.. xs.Select(x => Density(x, c.MatchedMean, c.PooledSd))]).LegendText = "Matched";
        plot.Add.Scatter(xs, [.. xs.Select(x => Density(x, c.UnmatchedMean, c.PooledSd))]).LegendText = "Not matched";
        if (standing.Step2 is { } s)
        {
            plot.Add.VerticalLine(s).LegendText = $"You: {s}";
        }

        plot.Title($"Step 2 CK, non-US IMGs: {c.Specialty} (NRMP 2026, normal model)");
        plot.XLabel("Step 2 CK");
        plot.YLabel("Share of applicants per point (%)");
        plot.ShowLegend();
        var alt = standing.Step2 is { } v
            ? $"Two bell curves of Step 2 CK for matched (mean {c.MatchedMean:0}) and not-matched (mean {c.UnmatchedMean:0}) applicants in {c.Specialty}; your {v} is above about {standing.PercentileMatched:P0} of matched applicants."
            : $"Two bell curves of Step 2 CK for matched (mean {c.MatchedMean:0}) and not-matched (mean {c.UnmatchedMean:0}) applicants in {c.Specialty}.";
        return Png(plot, alt, "score.png");
    }

    private static double Density(double x, double mean, double sd) =>
        100 * Math.Exp(-((x - mean) * (x - mean)) / (2 * sd * sd)) / (sd * Math.Sqrt(2 * Math.PI));

    private static ScottPlot.Color TierColor(Tier tier) => tier switch
    {
        Tier.HigherChance => ScottPlot.Colors.SeaGreen,
        Tier.Possible => ScottPlot.Colors.SteelBlue,
        _ => ScottPlot.Colors.IndianRed,
    };

    private static ReplyImage Png(ScottPlot.Plot plot, string alt, string fileName) =>
        new(plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png), alt, fileName);
}
