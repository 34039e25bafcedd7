namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>
/// <c>knowledge/programs/socal/</c>: Southern California and Kern/Central Valley programs (key = id + track), their
/// cited facts and the known-but-unverified list. <see cref="Apply"/> merges them into the national catalog.
/// </summary>
public sealed class SocalCatalog
{
    private SocalCatalog(IReadOnlyList<SocalRow> rows, IReadOnlyList<UnverifiedProgram> unverified)
    {
        Rows = rows;
        Unverified = unverified;
    }

    public IReadOnlyList<SocalRow> Rows { get; }

    /// <summary>Programs for the coverage report only: never ranked.</summary>
    public IReadOnlyList<UnverifiedProgram> Unverified { get; }

    /// <summary>Loads and validates the three files; any problem throws, listing every problem found.</summary>
    public static SocalCatalog Load(string directory)
    {
        var (programs, facts, unverified) = SocalTables.Read(directory);
        var errors = SocalValidator.Validate(programs, facts, unverified);
        if (errors.Count > 0)
        {
            throw new CatalogFormatException($"{errors.Count} problem(s) in {directory}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        return From(programs, facts, unverified);
    }

    /// <summary>Builds the catalog from tables that <see cref="SocalValidator"/> accepted.</summary>
    public static SocalCatalog From(CsvTable programs, CsvTable facts, CsvTable unverified)
    {
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(unverified);
        var byKey = facts.Rows.ToLookup(f => (f.Required("program_id"), f.Required("track")), ToFact);
        var rows = programs.Rows.Select(r =>
        {
            var (id, track) = (r.Required("program_id"), r.Required("track"));
            var provenance = new Provenance(r.Required("list_name"), r.Required("list_url"), r.Required("retrieved_on")) { PublishedOn = r.Text("list_date") };
            return new SocalRow(id, track, r.Required("specialty"), r.Required("name"), r.Text("city") ?? "", r.Required("region"), provenance, [.. byKey[(id, track)]], r);
        }).ToList();
        var list = unverified.Rows.Select(r => new UnverifiedProgram(
            r.Required("name"), r.Required("specialty"), r.Text("city"), r.Text("region"), r.Required("why_unverified"), r.Text("hint_url"), r.Required("noted_on"))).ToList();
        return new SocalCatalog(rows, list);
    }

    /// <summary>
    /// The catalog with these programs merged in: a row replaces a location-only row (2018-19 listing) with the same
    /// id; a row whose program already has FREIDA data keeps it and adds the cited facts (a stated visa policy
    /// replaces FREIDA's, program website first); Preliminary Medicine rows become tracks on their IM program.
    /// </summary>
    public (IReadOnlyList<ProgramRecord> Programs, IReadOnlyList<ProgramRule> Rules) Apply(IReadOnlyList<ProgramRecord> catalog, IReadOnlyList<ProgramRule> rules)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(rules);
        var byId = catalog.ToDictionary(p => p.AcgmeId, StringComparer.Ordinal);
        var allRules = rules.ToList();
        foreach (var row in Rows.Where(r => !r.IsPreliminary))
        {
            var existing = byId.GetValueOrDefault(row.ProgramId);
            if (existing is not null && existing.Specialty != row.Specialty)
            {
                throw row.Source.Fail("specialty", $"{row.ProgramId} is {existing.Specialty} in the national catalog, not {row.Specialty}");
            }

            var baseRecord = existing is { HasFactsBeyondLocation: true } ? existing with { Region = existing.Region ?? row.Region } : row.ToRecord();
            var military = row.Facts.Any(f => f.Fact == "military_program");
            byId[row.ProgramId] = baseRecord with
            {
                Track = row.Track,
                Facts = row.Facts,
                Visas = FactRules.Visas(row.Facts) ?? baseRecord.Visas,
                Pgy1Positions = baseRecord.Pgy1Positions ?? Positions(row.Facts),
                Type = military ? ProgramType.Military : baseRecord.Type,
            };
            allRules.AddRange(FactRules.For(row.ProgramId, row.Facts));
        }

        foreach (var row in Rows.Where(r => r.IsPreliminary))
        {
            if (!byId.TryGetValue(row.ProgramId, out var host) || host.Specialty != "Internal Medicine")
            {
                throw row.Source.Fail("program_id", $"preliminary track {row.Track}: {row.ProgramId} is not an Internal Medicine program in the catalog");
            }

            var track = new ProgramTrack
            {
                Track = row.Track,
                Specialty = row.Specialty,
                Name = row.Name,
                Positions = Positions(row.Facts),
                Facts = row.Facts,
                Rules = FactRules.For(row.ProgramId, row.Facts),
                Provenance = row.Provenance,
            };
            byId[row.ProgramId] = host with { Tracks = [.. host.Tracks, track] };
        }

        var programs = byId.Values.OrderBy(p => p.Specialty, StringComparer.Ordinal).ThenBy(p => p.AcgmeId, StringComparer.Ordinal).ToList();
        return (programs, allRules);
    }

    private static int? Positions(IReadOnlyList<ProgramFact> facts) =>
        facts.FirstOrDefault(f => f.Fact == "positions_per_year") is { } f ? FactValues.Positions(f.Value) : null;

    private static ProgramFact ToFact(CsvRow r) => new(
        r.Required("fact"),
        r.Required("value"),
        new Provenance(r.Required("source_name"), r.Required("source_url"), r.Required("retrieved_on")) { PublishedOn = r.Text("source_date") },
        r.Required("quote"),
        r.Required("reliability"),
        r.Text("notes"));
}
