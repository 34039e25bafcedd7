using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>Renders ranking charts as PNG images. Returns null when charts are unavailable; replies keep their text.</summary>
public interface IRankingCharts
{
    /// <summary>Interview probabilities of the listed programs, grouped by tier.</summary>
    ReplyImage? ListChart(RankResult result);

    /// <summary>Cumulative P(match) and marginal gain as applications are added.</summary>
    ReplyImage? PlanChart(RankResult result);

    /// <summary>The applicant's Step 2 CK against matched / not-matched distributions.</summary>
    ReplyImage? ScoreChart(ScoreStanding standing);
}

/// <summary>Default when no chart renderer is registered.</summary>
internal sealed class NoRankingCharts : IRankingCharts
{
    public ReplyImage? ListChart(RankResult result) => null;

    public ReplyImage? PlanChart(RankResult result) => null;

    public ReplyImage? ScoreChart(ScoreStanding standing) => null;
}
