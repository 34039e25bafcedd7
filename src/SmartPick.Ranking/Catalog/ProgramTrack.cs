namespace SmartPick.Ranking.Catalog;

/// <summary>
/// An NRMP track inside an accredited program that another specialty lists (a Preliminary Medicine track inside an
/// Internal Medicine program): same ACGME id, key = id + <see cref="Track"/>. Its rules apply to the track only.
/// </summary>
public sealed record ProgramTrack
{
    public required string Track { get; init; }
    public required string Specialty { get; init; }
    public required string Name { get; init; }
    public int? Positions { get; init; }
    public IReadOnlyList<ProgramFact> Facts { get; init; } = [];
    public IReadOnlyList<ProgramRule> Rules { get; init; } = [];
    public required Provenance Provenance { get; init; }
}
