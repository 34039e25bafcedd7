namespace SmartPick.Ranking.Catalog;

/// <summary>Where a fact came from: shown in explanations ("visa: J-1 only — program website, retrieved 2026-08-01").</summary>
public sealed record Provenance(string Source, string SourceUrl, string RetrievedOn)
{
    /// <summary>The date the page or list carries (YYYY, YYYY-MM or YYYY-MM-DD); null when it carries none.</summary>
    public string? PublishedOn { get; init; }
}

public enum ProgramType
{
    Unknown,
    University,
    CommunityUniversityAffiliated,
    Community,
    Military,
    Other,
}

/// <summary>Visas a program says it sponsors. A null <see cref="ProgramRecord.Visas"/> means "not reported", never "none".</summary>
[Flags]
public enum VisaSupport
{
    None = 0,
    J1 = 1,
    H1B = 2,
    F1 = 4,
}

/// <summary>One residency program from the catalog. Null fields are "not reported".</summary>
public sealed record ProgramRecord
{
    public required string AcgmeId { get; init; }
    public required string Specialty { get; init; }
    public required string Name { get; init; }
    public string City { get; init; } = string.Empty;
    public required string State { get; init; }
    public string? Region { get; init; }
    public ProgramType Type { get; init; }
    public int? Pgy1Positions { get; init; }
    public int? InterviewsLastYear { get; init; }
    public double? PctImg { get; init; }
    public double? PctUsmd { get; init; }
    public VisaSupport? Visas { get; init; }
    public int? FirstAcademicYear { get; init; }
    public bool? AcceptingApplications { get; init; }
    public string? Website { get; init; }
    public required Provenance Provenance { get; init; }

    /// <summary>The NRMP track of this row: categorical, transitional (TY) or advanced (PGY-2 start).</summary>
    public string Track { get; init; } = "categorical";

    /// <summary>Other tracks inside this program listed under another specialty (Preliminary Medicine in IM).</summary>
    public IReadOnlyList<ProgramTrack> Tracks { get; init; } = [];

    /// <summary>Facts cited pages state beyond the columns above (positions, NRMP codes, score policy…).</summary>
    public IReadOnlyList<ProgramFact> Facts { get; init; } = [];

    /// <summary>True when the row holds more than identity and location (FREIDA fields or cited facts).</summary>
    public bool HasFactsBeyondLocation =>
        Type != ProgramType.Unknown || Pgy1Positions is not null || InterviewsLastYear is not null || PctImg is not null
        || PctUsmd is not null || Visas is not null || FirstAcademicYear is not null || AcceptingApplications is not null || Facts.Count > 0;
}
