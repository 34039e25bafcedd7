namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>
/// Files, columns and vocabularies of <c>knowledge/programs/socal/</c> (its README documents them; validate.py checks
/// the same rules for maintainers).
/// </summary>
public static class SocalSchema
{
    public const string Directory = "programs/socal";
    public const string ProgramsFile = "programs.csv";
    public const string FactsFile = "facts.csv";
    public const string UnverifiedFile = "known-unverified.csv";

    public static readonly string[] ProgramColumns = ["program_id", "track", "specialty", "name", "city", "state", "region", "list_name", "list_url", "list_date", "retrieved_on", "reliability", "notes"];
    public static readonly string[] FactColumns = ["program_id", "track", "specialty", "fact", "value", "source_name", "source_url", "source_date", "retrieved_on", "quote", "reliability", "notes"];
    public static readonly string[] UnverifiedColumns = ["name", "specialty", "city", "region", "why_unverified", "hint_url", "noted_on"];

    public const string PreliminaryMedicine = "Preliminary Medicine";

    /// <summary>Specialty → ACGME specialty code (first three digits of an ACGME id).</summary>
    public static readonly IReadOnlyDictionary<string, string> Specialties = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Internal Medicine"] = "140",
        [PreliminaryMedicine] = "140",
        ["Family Medicine"] = "120",
        ["Pediatrics"] = "320",
        ["Psychiatry"] = "400",
        ["Transitional Year"] = "999",
        ["Neurology"] = "180",
    };

    /// <summary>The specialties in report order.</summary>
    public static readonly IReadOnlyList<string> SpecialtyOrder = ["Internal Medicine", PreliminaryMedicine, "Family Medicine", "Pediatrics", "Psychiatry", "Transitional Year", "Neurology"];

    public static readonly IReadOnlyList<string> Tracks = ["categorical", "preliminary", "preliminary-neurology", "transitional", "advanced"];
    public static readonly IReadOnlyList<string> Reliability = ["V", "S", "LOW"];
    public static readonly IReadOnlyList<string> VisaFacts = ["visa_j1", "visa_h1b", "citizens_or_pr_only"];

    public static readonly IReadOnlyList<string> Facts =
    [
        .. VisaFacts, "graduation_year_limit", "attempts_policy", "step2_min", "step2_recommended", "positions_per_year",
        "img_share", "nrmp_filled", "nrmp_code", "usce_required", "work_authorization_required", "interviews_offered",
        "exam_deadline", "first_class", "military_program", "imgs_considered",
    ];

    public static bool IsPreliminary(string track) => track.StartsWith("preliminary", StringComparison.Ordinal);
}
