namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// Query-side expansions for the words applicants use versus the words the guide uses (abbreviations, slang,
/// near-synonyms). Expansions are added to the query, never replace the original word.
/// </summary>
public static class Synonyms
{
    private static readonly Dictionary<string, string[]> Map = new(StringComparer.Ordinal)
    {
        ["lor"] = ["letters", "recommendation"],
        ["lors"] = ["letters", "recommendation"],
        ["reference"] = ["letters", "recommendation"],
        ["references"] = ["letters", "recommendation"],
        ["recommender"] = ["letters", "recommendation"],
        ["usce"] = ["clinical", "experience"],
        ["observership"] = ["usce"],
        ["observerships"] = ["usce"],
        ["externship"] = ["usce"],
        ["externships"] = ["usce"],
        ["rotation"] = ["usce"],
        ["rotations"] = ["usce"],
        ["socal"] = ["southern", "california"],
        ["la"] = ["los", "angeles"],
        ["oc"] = ["orange", "county"],
        ["yog"] = ["graduation", "year"],
        ["grad"] = ["graduation"],
        ["graduated"] = ["graduation"],
        ["graduate"] = ["graduation"],
        ["old"] = ["graduation", "year"],
        ["ptl"] = ["postgraduate", "training", "license"],
        ["licence"] = ["license"],
        ["cutoff"] = ["filter", "screen"],
        ["cutoffs"] = ["filter", "screen"],
        ["filtered"] = ["filter", "screen"],
        ["screening"] = ["filter", "screen"],
        ["sponsor"] = ["visa"],
        ["sponsorship"] = ["visa"],
        ["sponsors"] = ["visa"],
        ["h1b"] = ["visa"],
        ["j1"] = ["visa"],
        ["waiver"] = ["j1"],
        ["thank"] = ["post", "interview", "communication"],
        ["letter"] = ["letters"],
        ["pubs"] = ["research", "publications"],
        ["papers"] = ["research", "publications"],
        ["publication"] = ["research"],
        ["volunteer"] = ["community", "service"],
        ["volunteering"] = ["community", "service"],
        ["spanish"] = ["language"],
        ["bilingual"] = ["language"],
        ["essay"] = ["personal", "statement"],
        ["failed"] = ["fail"],
        ["flunked"] = ["fail"],
        ["failure"] = ["fail"],
        ["retake"] = ["attempt"],
        ["attempts"] = ["fail"],
        ["friendly"] = ["img"],
        ["foreign"] = ["img"],
        ["international"] = ["img"],
        ["timeline"] = ["calendar", "dates"],
        ["deadline"] = ["timeline"],
        ["deadlines"] = ["timeline"],
        ["list"] = ["tiers"],
        ["apply"] = ["applications"],
        ["applications"] = ["apply"],
        ["prefs"] = ["signals"],
        ["signal"] = ["signals"],
    };

    /// <summary>The extra tokens for <paramref name="token"/> (empty when none).</summary>
    public static IReadOnlyList<string> For(string token) =>
        Map.TryGetValue(token, out var extra) ? extra : [];
}
