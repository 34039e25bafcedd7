using System.Text;
using System.Text.Json.Nodes;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>
/// What would change the advice, computed by ranking again with the changed profile (never canned): pass Step 3 (H-1B
/// programs open), a J-1 instead of an H-1B, adding Internal or Family Medicine. Top 3 by gain in the plan's chance
/// to match (for an added specialty: the chance there, since matching in either is not the sum of both).
/// </summary>
internal static class NextSteps
{
    public const int Max = 3;
    private static readonly string[] BroadSpecialties = ["Internal Medicine", "Family Medicine"];

    public sealed record Step(string Change, string Effect, string Detail, double Gain);

    public static IReadOnlyList<Step> For(RankingEngine engine, ApplicantProfile profile, RankResult now, RankQuery query)
    {
        var current = now.Assessment.Calibration.Specialty;
        var candidates = new List<(string Change, ApplicantProfile Profile, string Specialty, string Detail)>();
        if (profile.Visa == VisaNeed.H1B && profile.Step3?.Passed != true)
        {
            candidates.Add(("Pass Step 3 before the rank list deadline", profile with { Step3 = new Step3Info(Passed: true) }, current,
                "Programs that sponsor the H-1B need Step 3 passed; it must be on record before the contract starts."));
        }

        if (profile.Visa == VisaNeed.H1B)
        {
            candidates.Add(("Apply with a J-1 instead of an H-1B", profile with { Visa = VisaNeed.J1 }, current,
                "ECFMG sponsors the J-1 for any program that accepts it; it carries a two-year home-country rule afterwards."));
        }

        foreach (var other in BroadSpecialties.Where(o => o != current && !profile.Specialties.Contains(o, StringComparer.OrdinalIgnoreCase)))
        {
            if (engine.Model.Calibration(other) is not null)
            {
                candidates.Add(($"Add {other}", profile, other, "Many IMGs apply to two specialties; signals are counted per specialty."));
            }
        }

        var steps = new List<Step>();
        foreach (var c in candidates)
        {
            var after = engine.Rank(c.Profile, query with { Specialty = c.Specialty, Top = 1 });
            var sameSpecialty = c.Specialty == current;
            var opened = after.Plan.EligiblePrograms - (sameSpecialty ? now.Plan.EligiblePrograms : 0);
            var gain = after.Plan.PMatch - now.Plan.PMatch;
            if (opened <= 0 && gain < 0.005)
            {
                continue;
            }

            var effect = sameSpecialty
                ? $"{Signed(opened)} {current} programs open to you ({now.Plan.EligiblePrograms} → {after.Plan.EligiblePrograms}); plan chance to match there {RankText.Pct(now.Plan.PMatch)} → {RankText.Pct(after.Plan.PMatch)}"
                : $"+{after.Plan.EligiblePrograms} {c.Specialty} programs open to you; plan chance to match there {RankText.Pct(after.Plan.PMatch)}";
            steps.Add(new Step(c.Change, effect, c.Detail, gain));
        }

        return [.. steps.OrderByDescending(s => s.Gain).Take(Max)];
    }

    public static string Text(IReadOnlyList<Step> steps)
    {
        var sb = new StringBuilder("**What would change it:**\n");
        foreach (var s in steps)
        {
            sb.Append("- ").Append(Markup.Escape(s.Change)).Append(": ").Append(Markup.Escape(s.Effect)).Append(".\n");
        }

        return sb.ToString();
    }

    public static JsonArray Json(IReadOnlyList<Step> steps) =>
        [.. steps.Select(s => (JsonNode)new JsonObject { ["change"] = s.Change, ["effect"] = s.Effect, ["detail"] = s.Detail })];

    private static string Signed(int n) => n >= 0 ? "+" + n : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
