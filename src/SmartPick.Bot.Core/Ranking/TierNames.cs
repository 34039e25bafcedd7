using SmartPick.Ranking;
using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Planning;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>
/// What the tiers measure (issue 11 point 3). A program is rated when it has at least one program-level openness fact
/// (IMG share, US-MD share or program type); an unrated program gets no personal percentage and the tier
/// <c>Unrated</c>. JSON strings: HigherChance | Possible | LongShot | Unrated | Ineligible (thresholds:
/// SmartPick:Ranking PossibleAtLeast / HigherChanceAtLeast).
/// </summary>
internal static class TierNames
{
    public static bool Rated(ProgramRecord? p) => p is not null && (p.PctImg is not null || p.PctUsmd is not null || p.Type != ProgramType.Unknown);

    public static string Json(Tier tier, ProgramRecord? program) => tier switch
    {
        Tier.Ineligible => "Ineligible",
        _ when !Rated(program) => "Unrated",
        _ => Json(tier),
    };

    public static string Json(Tier tier) => tier.ToString();

    /// <summary>The recommended list by tier, unrated programs counted as such (the planner's own mix tiers them by a chance they do not have).</summary>
    public static IReadOnlyDictionary<string, int> Mix(PlanResult plan, RankingModel model)
    {
        var chosen = plan.Steps.Take(plan.RecommendedApplications).Select(s => Json(s.Tier, model.Program(s.AcgmeId))).ToList();
        return new[] { Tier.LongShot, Tier.Possible, Tier.HigherChance }.Select(Json).Append("Unrated")
            .ToDictionary(t => t, t => chosen.Count(c => c == t), StringComparer.Ordinal);
    }
}
