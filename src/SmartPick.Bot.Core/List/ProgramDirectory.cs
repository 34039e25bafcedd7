using SmartPick.Ranking;
using SmartPick.Ranking.Catalog;

namespace SmartPick.Bot.Core.List;

/// <summary>Finds catalog programs by ACGME id or by words of their name ("cedars sinai", "UCLA Harbor").</summary>
public sealed class ProgramDirectory(RankingModel model)
{
    private const int MaxMatches = 5;

    /// <summary>
    /// Programs matching <paramref name="reference"/>: one for an exact id or an unambiguous name, several when the name
    /// is ambiguous (at most five, those in <paramref name="preferredSpecialties"/> first), none when nothing matches.
    /// </summary>
    public IReadOnlyList<ProgramRecord> Find(string reference, IReadOnlyList<string> preferredSpecialties)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(preferredSpecialties);
        var text = reference.Trim();
        var words = Words(text);
        if (words.Length == 0)
        {
            return [];
        }

        // An id can name several tracks (a Preliminary track shares its IM program's id).
        var matches = IsId(text)
            ? [.. model.Programs.Where(p => p.AcgmeId == text)]
            : model.Programs.Where(p => words.All(Words(p.Name + " " + p.City).Contains)).ToList();
        var preferred = matches.Where(p => preferredSpecialties.Contains(p.Specialty, StringComparer.OrdinalIgnoreCase)).ToList();
        return [.. (preferred.Count > 0 ? preferred : matches).Take(MaxMatches)];
    }

    /// <summary>The catalog row of a list entry: same id and track, else the id's only row.</summary>
    public ProgramRecord? Get(string programId, string track) =>
        model.Programs.FirstOrDefault(p => p.AcgmeId == programId && string.Equals(p.Specialty, track, StringComparison.OrdinalIgnoreCase))
        ?? model.Program(programId);

    public static bool IsId(string text) => text.Length == 10 && text.All(char.IsAsciiDigit);

    private static string[] Words(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
