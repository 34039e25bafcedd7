namespace SmartPick.Ranking.Model;

/// <summary>Maps what users type ("IM", "peds", "OB/GYN") to NRMP specialty names.</summary>
public static class SpecialtyNames
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["IM"] = "Internal Medicine",
        ["FM"] = "Family Medicine",
        ["Peds"] = "Pediatrics",
        ["Psych"] = "Psychiatry",
        ["Neuro"] = "Neurology",
        ["Pathology"] = "Pathology-Anatomic and Clinical",
        ["General Surgery"] = "Surgery-General",
        ["Surgery"] = "Surgery-General",
        ["OB/GYN"] = "Obstetrics and Gynecology",
        ["OBGYN"] = "Obstetrics and Gynecology",
        ["EM"] = "Emergency Medicine",
        ["Diagnostic Radiology"] = "Radiology-Diagnostic",
        ["Radiology"] = "Radiology-Diagnostic",
        ["PM&R"] = "Physical Medicine and Rehabilitation",
        ["Neurosurgery"] = "Neurological Surgery",
        ["Anesthesia"] = "Anesthesiology",
        ["TY"] = "Transitional Year",
        ["Med-Peds"] = "Internal Medicine/Pediatrics",
        ["IR"] = "Interventional Radiology (Integrated)",
    };

    /// <summary>The canonical name among <paramref name="known"/>, or null.</summary>
    public static string? Resolve(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var candidate = Aliases.TryGetValue(trimmed, out var alias) ? alias : trimmed;
        return known.FirstOrDefault(k => string.Equals(k, candidate, StringComparison.OrdinalIgnoreCase));
    }
}
