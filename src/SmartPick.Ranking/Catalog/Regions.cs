namespace SmartPick.Ranking.Catalog;

/// <summary>Southern California and Central Valley region tags (domain-data §9) and the names users type for them.</summary>
public static class Regions
{
    public static readonly IReadOnlyList<string> Codes = ["LA", "OC", "SD", "IE", "VSB", "CV"];

    public static readonly IReadOnlyList<string> SoCal = ["LA", "OC", "SD", "IE", "VSB"];

    /// <summary>Regions where the Spanish "language fit" term applies (domain-data §16).</summary>
    public static readonly IReadOnlyList<string> SpanishHeavy = ["LA", "OC", "SD", "IE", "CV"];

    public static bool IsKnown(string code) => Codes.Contains(code, StringComparer.Ordinal);

    /// <summary>Expands a user region ("SoCal", "Central Valley", "LA", "Kern") to region codes; empty when unknown.</summary>
    public static IReadOnlyList<string> Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = new string([.. name.Where(char.IsLetter)]).ToUpperInvariant();
        return key switch
        {
            "SOCAL" or "SOUTHERNCALIFORNIA" => SoCal,
            "CV" or "CENTRALVALLEY" or "KERN" or "KERNCV" => ["CV"],
            "LA" or "LOSANGELES" => ["LA"],
            "OC" or "ORANGECOUNTY" => ["OC"],
            "SD" or "SANDIEGO" => ["SD"],
            "IE" or "INLANDEMPIRE" or "DESERT" => ["IE"],
            "VSB" or "VENTURA" or "SANTABARBARA" => ["VSB"],
            _ => [],
        };
    }

    public static string DisplayName(string code) => code switch
    {
        "LA" => "Los Angeles",
        "OC" => "Orange County",
        "SD" => "San Diego",
        "IE" => "Inland Empire/desert",
        "VSB" => "Ventura/Santa Barbara",
        "CV" => "Kern/Central Valley",
        _ => code,
    };
}
