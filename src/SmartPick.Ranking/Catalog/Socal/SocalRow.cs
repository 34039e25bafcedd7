namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>One programs.csv row (key = id + track) with its cited facts; <see cref="Source"/> locates errors.</summary>
public sealed record SocalRow(string ProgramId, string Track, string Specialty, string Name, string City, string Region, Provenance Provenance, IReadOnlyList<ProgramFact> Facts, CsvRow Source)
{
    public bool IsPreliminary => Specialty == SocalSchema.PreliminaryMedicine;

    public ProgramRecord ToRecord() => new()
    {
        AcgmeId = ProgramId,
        Specialty = Specialty,
        Name = Name,
        City = City,
        State = "CA",
        Region = Region,
        Provenance = Provenance,
        Track = Track,
    };
}
