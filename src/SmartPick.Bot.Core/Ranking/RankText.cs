using SmartPick.Ranking;
using SmartPick.Ranking.Planning;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>Shared wording for /rank and /plan: percentages, tier words, the missing-data notes.</summary>
internal static class RankText
{
    /// <summary>Said when the profile lacks the score or the specialty's programs lack program-level data.</summary>
    public static string Unrated(RankResult r, bool scoreMissing)
    {
        var note = string.Empty;
        if (scoreMissing)
        {
            note += "_No Step 2 CK score in your profile, so this is the figure for an average applicant (/profile adds it)._\n";
        }

        if (r.Programs.Count > 0 && r.Programs.All(p => p.Program.PctImg is null && p.Program.PctUsmd is null && p.Program.Type == SmartPick.Ranking.Catalog.ProgramType.Unknown))
        {
            note += "_These programs have no program-level data (IMG share, visas, interviews not reported), so they differ only by your preferences: check each website._\n";
        }

        return note;
    }

    /// <summary>What a tier means, in words (thresholds: SmartPick:Ranking, knowledge/model.md).</summary>
    public static string TierWords(Tier tier) => tier switch
    {
        Tier.HigherChance => "higher chance",
        Tier.Possible => "possible",
        Tier.LongShot => "long shot",
        _ => tier.ToString(),
    };

    /// <summary>What the plan figure assumes, next to it (knowledge/model.md §4, §8).</summary>
    public const string SharedStrengthNote =
        "_The plan chance assumes programs screen alike through your shared strength: the same things that get you one interview get you others, so a longer list helps less than if each program decided on its own._";

    /// <summary>The same, after the plan line of /rank.</summary>
    public const string SharedStrengthShort = " (it assumes programs screen alike through your shared strength; /plan).";

    public static string Pct(double p) => p is > 0 and < 0.005 ? "<1%" : p.ToString("0%");
}
