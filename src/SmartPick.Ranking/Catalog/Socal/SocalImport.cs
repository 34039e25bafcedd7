using System.Globalization;

namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>
/// <c>catalog import</c>: validates a FREIDA-like or website-derived CSV (one row per program or track, one column per
/// fact) and merges it into programs.csv and facts.csv with its provenance: the source and date given on the command
/// line, each row's <c>source_url</c>, and today as <c>retrieved_on</c>. Rows replace the row with the same id + track;
/// facts replace the same fact from the same URL. The merged catalog must pass the full validation before anything is
/// written. Columns: see knowledge/programs/README.md.
/// </summary>
public static class SocalImport
{
    public static readonly string[] RequiredColumns = ["program_id", "specialty", "name", "state", "region", "source_url"];
    public static readonly string[] OptionalColumns = ["track", "city", "reliability", "quote", "notes"];

    public static ImportPlan Plan(string knowledgeDirectory, TextReader input, string file, string source, string date, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var directory = Path.Combine(knowledgeDirectory, SocalSchema.Directory);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add("--source: name the list or page the file comes from");
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"--date: '{date}' is not YYYY-MM-DD");
        }

        CsvTable table;
        try
        {
            table = CsvTable.Parse(input, file, RequiredColumns);
        }
        catch (CatalogFormatException ex)
        {
            return Failed([.. errors, ex.Message], directory);
        }

        foreach (var column in table.Columns.Where(c => !RequiredColumns.Contains(c) && !OptionalColumns.Contains(c) && !SocalSchema.Facts.Contains(c)))
        {
            errors.Add(CatalogFormatException.At(file, 1, column, $"not an import column (facts: {string.Join(", ", SocalSchema.Facts)})").Message);
        }

        var rows = ImportRows.From(table, source.Trim(), date, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), errors);
        errors.AddRange(ImportRows.Validate(rows, file));
        if (errors.Count > 0)
        {
            return Failed(errors, directory);
        }

        return Merge(knowledgeDirectory, directory, rows);
    }

    public static void Write(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.Ok)
        {
            throw new InvalidOperationException("an import with errors is never written");
        }

        File.WriteAllText(Path.Combine(plan.Directory, SocalSchema.ProgramsFile), plan.ProgramsText);
        File.WriteAllText(Path.Combine(plan.Directory, SocalSchema.FactsFile), plan.FactsText);
    }

    private static ImportPlan Merge(string knowledgeDirectory, string directory, IReadOnlyList<ImportRow> rows)
    {
        var programs = new MergedFile(Path.Combine(directory, SocalSchema.ProgramsFile), SocalSchema.ProgramColumns, c => (c[0], c[1]));
        var facts = new MergedFile(Path.Combine(directory, SocalSchema.FactsFile), SocalSchema.FactColumns, c => (c[0] + "\u0001" + c[1], c[3] + "\u0001" + c[6]));
        var changes = new List<string>();
        int pAdded = 0, pChanged = 0, pSame = 0, fAdded = 0, fChanged = 0;
        foreach (var row in rows)
        {
            var key = $"{row.Program[0]} + {row.Program[1]}";
            switch (programs.Upsert(row.Program, ignore: "retrieved_on", out var diff))
            {
                case MergedFile.Outcome.Added:
                    pAdded++;
                    changes.Add($"programs.csv: added {key} ({row.Program[2]}, {row.Program[3]}, {row.Program[6]})");
                    break;
                case MergedFile.Outcome.Changed:
                    pChanged++;
                    changes.Add($"programs.csv: changed {key}: {diff}");
                    break;
                default:
                    pSame++;
                    break;
            }

            foreach (var (_, fact) in row.Facts)
            {
                var outcome = facts.Upsert(fact, ignore: "retrieved_on", out var factDiff);
                _ = outcome switch
                {
                    MergedFile.Outcome.Added => fAdded++,
                    MergedFile.Outcome.Changed => fChanged++,
                    _ => 0,
                };
                if (outcome != MergedFile.Outcome.Unchanged)
                {
                    changes.Add(outcome == MergedFile.Outcome.Added
                        ? $"facts.csv: added {key} {fact[3]} = {fact[4]}"
                        : $"facts.csv: changed {key} {fact[3]}: {factDiff}");
                }
            }
        }

        var plan = new ImportPlan(CheckMerged(knowledgeDirectory, directory, programs.Text, facts.Text), changes, directory, programs.Text, facts.Text)
        {
            ProgramsAdded = pAdded, ProgramsChanged = pChanged, ProgramsUnchanged = pSame, FactsAdded = fAdded, FactsChanged = fChanged,
        };
        return plan;
    }

    /// <summary>The merged files must pass the full validation and merge into the national catalog.</summary>
    private static List<string> CheckMerged(string knowledgeDirectory, string directory, string programsText, string factsText)
    {
        try
        {
            var p = CsvTable.Parse(new StringReader(programsText), SocalSchema.ProgramsFile, SocalSchema.ProgramColumns);
            var f = CsvTable.Parse(new StringReader(factsText), SocalSchema.FactsFile, SocalSchema.FactColumns);
            var u = SocalTables.Table(directory, SocalSchema.UnverifiedFile, SocalSchema.UnverifiedColumns);
            var errors = SocalValidator.Validate(p, f, u).Select(e => "after the merge: " + e).ToList();
            if (errors.Count == 0)
            {
                using var catalog = new StreamReader(Path.Combine(knowledgeDirectory, RankingModelLoader.CatalogFile));
                using var rules = new StreamReader(Path.Combine(knowledgeDirectory, RankingModelLoader.RulesFile));
                SocalCatalog.From(p, f, u).Apply(CatalogLoader.Load(catalog, "catalog.csv"), RuleLoader.Load(rules, "program-rules.csv"));
            }

            return errors;
        }
        catch (CatalogFormatException ex)
        {
            return ["after the merge: " + ex.Message];
        }
    }

    private static ImportPlan Failed(List<string> errors, string directory) => new(errors, [], directory, string.Empty, string.Empty);
}
