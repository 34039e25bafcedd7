using SmartPick.Ranking;
using SmartPick.Ranking.Catalog;

namespace SmartPick.Bot.Core.List;

/// <summary>A catalog program, or one of its other NRMP tracks (a Preliminary Medicine track inside an IM program).</summary>
public sealed record ProgramChoice(ProgramRecord Program, ProgramTrack? Track)
{
    public string Id => Program.AcgmeId;

    /// <summary>The list key's track: the specialty the row or track is listed under.</summary>
    public string TrackKey => Track?.Specialty ?? Program.Specialty;

    public string Name => Track?.Name ?? Program.Name;

    public Provenance Provenance => Track?.Provenance ?? Program.Provenance;

    /// <summary>The ranking rates the program's own row only; other tracks are "not rated".</summary>
    public bool Rated => Track is null;
}

/// <summary>Finds catalog programs by id (optionally with a track word: "1400511040 prelim") or by words of their name.</summary>
public sealed class ProgramDirectory(RankingModel model)
{
    private const int MaxMatches = 5;

    /// <summary>
    /// Matches for <paramref name="reference"/>: one for an id or an unambiguous name, several when ambiguous (at most
    /// five, those in <paramref name="preferredSpecialties"/> first), none when nothing matches.
    /// </summary>
    public IReadOnlyList<ProgramChoice> Find(string reference, IReadOnlyList<string> preferredSpecialties)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(preferredSpecialties);
        var parts = reference.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > 0 && ProgramIds.IsValid(parts[0]))
        {
            return model.Program(parts[0]) is not { } program ? []
                : parts.Length == 1 ? [new ProgramChoice(program, null)]
                : [.. program.Tracks.Where(t => Contains(t.Track, parts[1]) || Contains(t.Specialty, parts[1]) || Contains(t.Name, parts[1])).Select(t => new ProgramChoice(program, t))];
        }

        var words = Words(reference);
        if (words.Length == 0)
        {
            return [];
        }

        var matches = model.Programs.Where(p => words.All(Words(p.Name + " " + p.City).Contains)).ToList();
        var preferred = matches.Where(p => preferredSpecialties.Contains(p.Specialty, StringComparer.OrdinalIgnoreCase)).ToList();
        return [.. (preferred.Count > 0 ? preferred : matches).Take(MaxMatches).Select(p => new ProgramChoice(p, null))];
    }

    /// <summary>The catalog entry behind a list entry, or null when the catalog no longer has it.</summary>
    public ProgramChoice? Get(string programId, string track)
    {
        if (model.Program(programId) is not { } program)
        {
            return null;
        }

        return string.Equals(program.Specialty, track, StringComparison.OrdinalIgnoreCase)
            ? new ProgramChoice(program, null)
            : program.Tracks.FirstOrDefault(t => string.Equals(t.Specialty, track, StringComparison.OrdinalIgnoreCase)) is { } t ? new ProgramChoice(program, t) : null;
    }

    private static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static string[] Words(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
