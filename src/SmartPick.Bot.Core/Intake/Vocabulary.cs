namespace SmartPick.Bot.Core.Intake;

/// <summary>Canonical names and the spellings users actually type.</summary>
public static class Vocabulary
{
    /// <summary>Specialties with NRMP Charting Outcomes 2026 non-US IMG data (shared/data), plus Transitional Year.</summary>
    public static readonly IReadOnlyList<string> Specialties =
    [
        "Internal Medicine", "Family Medicine", "Pediatrics", "Psychiatry", "Neurology", "Pathology-Anatomic and Clinical",
        "Emergency Medicine", "Obstetrics and Gynecology", "Surgery-General", "Anesthesiology", "Radiology-Diagnostic",
        "Physical Medicine and Rehabilitation", "Child Neurology", "Internal Medicine/Pediatrics", "Transitional Year",
    ];

    private static readonly Dictionary<string, string> SpecialtyAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["im"] = "Internal Medicine", ["internal"] = "Internal Medicine", ["internal med"] = "Internal Medicine", ["medicine"] = "Internal Medicine",
        ["fm"] = "Family Medicine", ["family"] = "Family Medicine", ["family med"] = "Family Medicine", ["family practice"] = "Family Medicine",
        ["peds"] = "Pediatrics", ["paeds"] = "Pediatrics", ["paediatrics"] = "Pediatrics", ["pediatric"] = "Pediatrics",
        ["psych"] = "Psychiatry", ["neuro"] = "Neurology", ["pathology"] = "Pathology-Anatomic and Clinical", ["path"] = "Pathology-Anatomic and Clinical",
        ["em"] = "Emergency Medicine", ["emergency"] = "Emergency Medicine", ["obgyn"] = "Obstetrics and Gynecology", ["ob/gyn"] = "Obstetrics and Gynecology",
        ["ob-gyn"] = "Obstetrics and Gynecology", ["gynecology"] = "Obstetrics and Gynecology", ["surgery"] = "Surgery-General",
        ["general surgery"] = "Surgery-General", ["gen surg"] = "Surgery-General", ["anesthesia"] = "Anesthesiology", ["gas"] = "Anesthesiology",
        ["radiology"] = "Radiology-Diagnostic", ["rads"] = "Radiology-Diagnostic", ["pm&r"] = "Physical Medicine and Rehabilitation",
        ["pmr"] = "Physical Medicine and Rehabilitation", ["rehab"] = "Physical Medicine and Rehabilitation", ["med-peds"] = "Internal Medicine/Pediatrics",
        ["med peds"] = "Internal Medicine/Pediatrics", ["im-peds"] = "Internal Medicine/Pediatrics", ["ty"] = "Transitional Year", ["transitional"] = "Transitional Year",
        ["preliminary medicine"] = "Preliminary Medicine", ["prelim"] = "Preliminary Medicine", ["preliminary"] = "Preliminary Medicine", ["prelim im"] = "Preliminary Medicine",
    };

    /// <summary>Region tags the ranking library understands; user-facing label first.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Regions =
    [
        ("SoCal", "Southern California (all)"), ("LA", "Los Angeles"), ("OC", "Orange County"), ("SD", "San Diego"),
        ("IE", "Inland Empire / desert"), ("VSB", "Ventura / Santa Barbara"), ("CV", "Kern / Central Valley"), ("Anywhere", "Anywhere in the US"),
    ];

    private static readonly Dictionary<string, string> RegionAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["southern california"] = "SoCal", ["socal"] = "SoCal", ["so cal"] = "SoCal", ["south california"] = "SoCal",
        ["los angeles"] = "LA", ["la"] = "LA", ["l.a."] = "LA", ["orange county"] = "OC", ["oc"] = "OC", ["orange"] = "OC",
        ["san diego"] = "SD", ["sd"] = "SD", ["inland empire"] = "IE", ["ie"] = "IE", ["desert"] = "IE", ["palm springs"] = "IE", ["riverside"] = "IE",
        ["ventura"] = "VSB", ["santa barbara"] = "VSB", ["vsb"] = "VSB", ["kern"] = "CV", ["bakersfield"] = "CV", ["central valley"] = "CV", ["cv"] = "CV",
        ["fresno"] = "CV", ["anywhere"] = "Anywhere", ["any"] = "Anywhere", ["anywhere in the us"] = "Anywhere", ["usa"] = "Anywhere", ["us"] = "Anywhere",
    };

    private static readonly HashSet<string> StateCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN",
        "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
        "WA", "WV", "WI", "WY",
    };

    private static readonly Dictionary<string, string> StateNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["california"] = "CA", ["new york"] = "NY", ["texas"] = "TX", ["florida"] = "FL", ["new jersey"] = "NJ", ["michigan"] = "MI",
        ["pennsylvania"] = "PA", ["illinois"] = "IL", ["ohio"] = "OH", ["nevada"] = "NV", ["arizona"] = "AZ", ["washington"] = "WA",
        ["oregon"] = "OR", ["georgia"] = "GA", ["massachusetts"] = "MA", ["maryland"] = "MD", ["connecticut"] = "CT",
    };

    public static string? Specialty(string text)
    {
        var t = AnswerReader.Normalize(text);
        if (t.Length == 0)
        {
            return null;
        }

        var exact = Specialties.FirstOrDefault(s => string.Equals(s, t, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        if (SpecialtyAliases.TryGetValue(t, out var alias))
        {
            return alias;
        }

        var prefix = Specialties.Where(s => s.StartsWith(t, StringComparison.OrdinalIgnoreCase)).ToList();
        return prefix.Count == 1 ? prefix[0] : Closest(t);
    }

    /// <summary>A typo of a name or a long alias ("intrnal medicin", "pediatircs"): the one closest candidate within the allowed edits.</summary>
    private static string? Closest(string t)
    {
        if (t.Length < 4)
        {
            return null;
        }

        var allowed = t.Length <= 6 ? 1 : t.Length <= 12 ? 2 : 3;
        var candidates = Specialties.Select(s => (Key: s.ToLowerInvariant(), Name: s))
            .Concat(SpecialtyAliases.Where(a => a.Key.Length >= 5).Select(a => (a.Key, Name: a.Value)))
            .Select(c => (c.Name, Distance: EditDistance.Between(t, c.Key)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ToList();
        return candidates.Count == 0 || candidates.Any(c => c.Distance == candidates[0].Distance && c.Name != candidates[0].Name) ? null : candidates[0].Name;
    }

    public static string? Region(string text)
    {
        var t = AnswerReader.Normalize(text);
        var code = Regions.FirstOrDefault(r => string.Equals(r.Code, t, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Label, t, StringComparison.OrdinalIgnoreCase)).Code;
        return code ?? (RegionAliases.TryGetValue(t, out var alias) ? alias : null);
    }

    public static string? State(string text)
    {
        var t = AnswerReader.Normalize(text);
        if (StateCodes.Contains(t))
        {
            return t.ToUpperInvariant();
        }

        return StateNames.TryGetValue(t, out var code) ? code : null;
    }
}
