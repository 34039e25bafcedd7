using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Scoring;

/// <summary>
/// The regions and states an applicant prefers. Kept apart because region codes and state codes overlap
/// ("LA" is Los Angeles as a region and Louisiana as a state).
/// </summary>
public sealed class PreferredPlaces
{
    private readonly HashSet<string> _regions = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _states = new(StringComparer.OrdinalIgnoreCase);

    public static PreferredPlaces From(ApplicantProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var places = new PreferredPlaces();
        foreach (var r in profile.Preferences?.Regions ?? [])
        {
            places._regions.UnionWith(Regions.Resolve(r));
        }

        foreach (var s in profile.Preferences?.States ?? [])
        {
            places._states.Add(s.Trim());
        }

        return places;
    }

    /// <summary>No preference (the reference applicant).</summary>
    public static PreferredPlaces None { get; } = new();

    public bool IsEmpty => _regions.Count == 0 && _states.Count == 0;

    public bool Contains(ProgramRecord program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return (program.Region is { } r && _regions.Contains(r)) || _states.Contains(program.State);
    }

    public override string ToString() =>
        string.Join(", ", _regions.Select(Regions.DisplayName).Concat(_states.Select(s => s.ToUpperInvariant())));
}
