namespace SmartPick.Ranking.Catalog;

/// <summary>Reads <c>knowledge/programs/catalog.csv</c> (and override files of the same shape).</summary>
public static class CatalogLoader
{
    public static readonly string[] RequiredColumns = ["acgme_id", "specialty", "name", "state", "source", "source_url", "retrieved_on"];

    public static IReadOnlyList<ProgramRecord> Load(TextReader reader, string file)
    {
        var table = CsvTable.Parse(reader, file, RequiredColumns);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var programs = new List<ProgramRecord>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var program = Parse(row);
            if (!seen.Add(program.AcgmeId))
            {
                throw row.Fail("acgme_id", $"duplicate ACGME ID {program.AcgmeId}");
            }

            programs.Add(program);
        }

        return programs;
    }

    /// <summary>Override rows replace catalog rows with the same ACGME ID and add new ones.</summary>
    public static IReadOnlyList<ProgramRecord> Merge(IReadOnlyList<ProgramRecord> catalog, IReadOnlyList<ProgramRecord> overrides)
    {
        var byId = catalog.ToDictionary(p => p.AcgmeId, StringComparer.Ordinal);
        foreach (var o in overrides)
        {
            byId[o.AcgmeId] = o;
        }

        return [.. byId.Values.OrderBy(p => p.Specialty, StringComparer.Ordinal).ThenBy(p => p.AcgmeId, StringComparer.Ordinal)];
    }

    private static ProgramRecord Parse(CsvRow row)
    {
        var id = row.Required("acgme_id");
        if (!ProgramIds.IsValid(id))
        {
            throw row.Fail("acgme_id", $"'{id}' is neither a 10-digit ACGME ID nor X-<slug>");
        }

        var state = row.Required("state");
        if (state.Length != 2)
        {
            throw row.Fail("state", $"'{state}' is not a 2-letter state code");
        }

        var region = row.Text("region");
        if (region is not null && !Regions.IsKnown(region))
        {
            throw row.Fail("region", $"'{region}' is not one of {string.Join(", ", Regions.Codes)}");
        }

        return new ProgramRecord
        {
            AcgmeId = id,
            Specialty = row.Required("specialty"),
            Name = row.Required("name"),
            City = row.Text("city") ?? string.Empty,
            State = state,
            Region = region,
            Type = ParseType(row),
            Pgy1Positions = row.WholeNumber("pgy1_positions", 0, 500),
            InterviewsLastYear = row.WholeNumber("interviews_last_year", 0, 10_000),
            PctImg = row.Real("pct_img", 0, 100),
            PctUsmd = row.Real("pct_usmd", 0, 100),
            Visas = ParseVisas(row),
            FirstAcademicYear = row.WholeNumber("first_academic_year", 1900, 2100),
            AcceptingApplications = row.Boolean("accepting_applications"),
            Website = row.Text("website"),
            Provenance = new Provenance(row.Required("source"), row.Required("source_url"), row.Required("retrieved_on")),
        };
    }

    private static ProgramType ParseType(CsvRow row) => row.Text("program_type") switch
    {
        null => ProgramType.Unknown,
        "University-based" => ProgramType.University,
        "Community-based university affiliated" => ProgramType.CommunityUniversityAffiliated,
        "Community-based" => ProgramType.Community,
        "Military-based" => ProgramType.Military,
        "Other" => ProgramType.Other,
        var s => throw row.Fail("program_type", $"'{s}' is not a known program type"),
    };

    private static VisaSupport? ParseVisas(CsvRow row)
    {
        var s = row.Text("visas");
        if (s is null)
        {
            return null; // not reported: eligibility stays Unverified, never excluded
        }

        var visas = VisaSupport.None;
        foreach (var part in s.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            visas |= part switch
            {
                "J1" => VisaSupport.J1,
                "H1B" => VisaSupport.H1B,
                "F1" => VisaSupport.F1,
                "none" => VisaSupport.None,
                _ => throw row.Fail("visas", $"'{part}' is not J1, H1B, F1 or none"),
            };
        }

        return visas;
    }
}
