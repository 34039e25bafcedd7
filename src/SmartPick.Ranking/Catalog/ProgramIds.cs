using System.Text.RegularExpressions;

namespace SmartPick.Ranking.Catalog;

/// <summary>
/// Program ids: a 10-digit ACGME id (its digits encode specialty and state) or a local <c>X-&lt;slug&gt;</c> id for a
/// program no public list gives an ACGME id to. Code that reads meaning from the digits must skip local ids.
/// </summary>
public static partial class ProgramIds
{
    public const string LocalPrefix = "X-";

    public static bool IsAcgme(string id) => AcgmePattern().IsMatch(id);

    public static bool IsLocal(string id) => LocalPattern().IsMatch(id);

    public static bool IsValid(string id) => IsAcgme(id) || IsLocal(id);

    /// <summary>The ACGME specialty code (first three digits), or null for a local id.</summary>
    public static string? SpecialtyCode(string id) => IsAcgme(id) ? id[..3] : null;

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex AcgmePattern();

    [GeneratedRegex("^X-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex LocalPattern();
}
