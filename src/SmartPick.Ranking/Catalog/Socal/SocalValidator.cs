using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>
/// The checks of <c>validate.py</c> (every problem, as "file: row N, column 'c': problem") plus the value checks the
/// loader needs to turn facts into rules. Runs in CI over the committed files and in <c>catalog import</c>.
/// </summary>
public static partial class SocalValidator
{
    public static IReadOnlyList<string> Validate(CsvTable programs, CsvTable facts, CsvTable unverified)
    {
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(unverified);
        var errors = new List<string>();
        var keys = CheckPrograms(programs, errors);
        CheckFacts(facts, keys, errors);
        CheckUnverified(unverified, errors);
        return errors;
    }

    private static HashSet<(string, string)> CheckPrograms(CsvTable table, List<string> errors)
    {
        var keys = new HashSet<(string, string)>();
        var mainIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in table.Rows)
        {
            void Err(string column, string problem) => errors.Add(r.Fail(column, problem).Message);
            var (id, track, specialty) = (r.Text("program_id") ?? "", r.Text("track") ?? "", r.Text("specialty") ?? "");
            if (!ProgramIds.IsValid(id))
            {
                Err("program_id", $"'{id}' is neither a 10-digit ACGME id nor X-<slug>");
            }

            if (!SocalSchema.Tracks.Contains(track))
            {
                Err("track", $"'{track}' is not one of {string.Join(", ", SocalSchema.Tracks)}");
            }

            if (!keys.Add((id, track)))
            {
                Err("program_id", $"duplicate key {id} + {track}");
            }

            if (!SocalSchema.Specialties.TryGetValue(specialty, out var code))
            {
                Err("specialty", $"'{specialty}' is not one of {string.Join(", ", SocalSchema.Specialties.Keys)}");
            }
            else if (ProgramIds.SpecialtyCode(id) is { } digits && digits != code)
            {
                Err("program_id", $"ACGME specialty digits {digits} do not match {specialty} ({code})");
            }

            if (specialty == SocalSchema.PreliminaryMedicine && !SocalSchema.IsPreliminary(track))
            {
                Err("track", "Preliminary Medicine rows must carry a preliminary track");
            }
            else if (specialty != SocalSchema.PreliminaryMedicine && SocalSchema.IsPreliminary(track))
            {
                Err("track", "a preliminary track belongs to a Preliminary Medicine row");
            }
            else if (specialty != SocalSchema.PreliminaryMedicine && id.Length > 0 && !mainIds.Add(id))
            {
                Err("program_id", $"{id} is listed twice outside Preliminary Medicine (one program, one main track)");
            }

            if (!Regions.IsKnown(r.Text("region") ?? ""))
            {
                Err("region", $"'{r.Text("region")}' is not one of {string.Join(", ", Regions.Codes)}");
            }

            if (r.Text("state") != "CA")
            {
                Err("state", "must be CA");
            }

            NonEmpty(r, errors, "name", "list_name");
            Url(r, errors, "list_url");
            IsoDate(r, errors, "retrieved_on");
            PartialDate(r, errors, "list_date");
            OneOf(r, errors, "reliability", SocalSchema.Reliability);
        }

        return keys;
    }

    private static void CheckFacts(CsvTable table, HashSet<(string, string)> keys, List<string> errors)
    {
        var seen = new HashSet<(string, string, string, string)>();
        foreach (var r in table.Rows)
        {
            var (id, track, fact) = (r.Text("program_id") ?? "", r.Text("track") ?? "", r.Text("fact") ?? "");
            if (!keys.Contains((id, track)))
            {
                errors.Add(r.Fail("program_id", $"{id} + {track} is not in programs.csv").Message);
            }

            if (!SocalSchema.Facts.Contains(fact))
            {
                errors.Add(r.Fail("fact", $"unknown fact '{fact}'").Message);
            }
            else if (r.Text("value") is not { } value)
            {
                errors.Add(r.Fail("value", "empty (a fact not found is left out, not written blank)").Message);
            }
            else if (FactValues.Problem(fact, value) is { } problem)
            {
                errors.Add(r.Fail("value", problem).Message);
            }

            Url(r, errors, "source_url");
            NonEmpty(r, errors, "source_name");
            IsoDate(r, errors, "retrieved_on");
            PartialDate(r, errors, "source_date");
            var words = (r.Text("quote") ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            if (words is 0 or > 25)
            {
                errors.Add(r.Fail("quote", $"{words} words; need 1-25 verbatim words").Message);
            }

            OneOf(r, errors, "reliability", SocalSchema.Reliability);
            if (!seen.Add((id, track, fact, r.Text("source_url") ?? "")))
            {
                errors.Add(r.Fail("fact", $"duplicate {fact} from the same source").Message);
            }
        }
    }

    private static void CheckUnverified(CsvTable table, List<string> errors)
    {
        foreach (var r in table.Rows)
        {
            NonEmpty(r, errors, "name", "specialty", "why_unverified");
            if (r.Text("specialty") is { } s && !SocalSchema.Specialties.ContainsKey(s))
            {
                errors.Add(r.Fail("specialty", $"'{s}' is not one of {string.Join(", ", SocalSchema.Specialties.Keys)}").Message);
            }

            IsoDate(r, errors, "noted_on");
        }
    }

    private static void NonEmpty(CsvRow r, List<string> errors, params string[] columns)
    {
        foreach (var c in columns.Where(c => r.Text(c) is null))
        {
            errors.Add(r.Fail(c, "empty").Message);
        }
    }

    private static void Url(CsvRow r, List<string> errors, string column)
    {
        if (!(r.Text(column) ?? "").StartsWith("http", StringComparison.Ordinal))
        {
            errors.Add(r.Fail(column, "missing URL").Message);
        }
    }

    private static void IsoDate(CsvRow r, List<string> errors, string column)
    {
        var s = r.Text(column) ?? "";
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add(r.Fail(column, $"'{s}' is not YYYY-MM-DD").Message);
        }
    }

    private static void PartialDate(CsvRow r, List<string> errors, string column)
    {
        if (r.Text(column) is { } s && !PartialDatePattern().IsMatch(s))
        {
            errors.Add(r.Fail(column, $"'{s}' is not YYYY[-MM[-DD]]").Message);
        }
    }

    private static void OneOf(CsvRow r, List<string> errors, string column, IReadOnlyList<string> allowed)
    {
        if (!allowed.Contains(r.Text(column) ?? ""))
        {
            errors.Add(r.Fail(column, $"'{r.Text(column)}' is not one of {string.Join(", ", allowed)}").Message);
        }
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex PartialDatePattern();
}
