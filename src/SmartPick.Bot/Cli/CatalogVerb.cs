using SmartPick.Ranking;
using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Catalog.Socal;

namespace SmartPick.Bot.Cli;

/// <summary>
/// Maintainer verbs over the source catalog in <c>--knowledge DIR</c> (default <c>knowledge</c>: run from the repository
/// root): <c>import</c> (dry run unless <c>--write</c>), <c>validate</c>, <c>coverage</c>. Problems: one line each on
/// stderr, exit 2.
/// </summary>
internal static class CatalogVerb
{
    public const string Usage = """
          catalog import --file F.csv --source "NAME" --date YYYY-MM-DD [--write] [--knowledge DIR]
          catalog validate [--knowledge DIR]     the checks of knowledge/programs/socal/validate.py
          catalog coverage [--knowledge DIR]     the coverage table (specialty × region)
        """;

    private static readonly HashSet<string> Options = ["file", "source", "date", "knowledge"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var write = args.Contains("--write", StringComparer.Ordinal);
        var cli = CliArguments.Parse([.. args.Where(a => a != "--write")], Options);
        var knowledge = cli.Option("knowledge") ?? "knowledge";
        if (!Directory.Exists(Path.Combine(knowledge, SocalSchema.Directory)))
        {
            throw new CliException($"{Path.Combine(knowledge, SocalSchema.Directory)} not found: run from the repository root or pass --knowledge DIR");
        }

        return cli.Verb switch
        {
            "import" => await ImportAsync(cli, knowledge, write, stdout, stderr, clock),
            "validate" => await ValidateAsync(knowledge, stdout, stderr),
            "coverage" => await CoverageAsync(knowledge, stdout),
            _ => throw new CliException("usage:\n" + Usage.TrimEnd()),
        };
    }

    private static async Task<int> ImportAsync(CliArguments cli, string knowledge, bool write, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var file = cli.Require("file");
        if (!File.Exists(file))
        {
            throw new CliException($"import file not found: {file}");
        }

        using var reader = new StreamReader(file);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var plan = SocalImport.Plan(knowledge, reader, Path.GetFileName(file), cli.Require("source"), cli.Require("date"), today);
        if (!plan.Ok)
        {
            foreach (var error in plan.Errors)
            {
                await stderr.WriteLineAsync(error);
            }

            await stderr.WriteLineAsync($"{plan.Errors.Count} problem(s); nothing was written");
            return 2;
        }

        if (write)
        {
            SocalImport.Write(plan);
        }

        await stdout.WriteLineAsync((write ? "merged into " : "dry run, nothing written: ") + plan.Directory);
        await stdout.WriteLineAsync(plan.Summary);
        foreach (var change in plan.Changes)
        {
            await stdout.WriteLineAsync("  " + change);
        }

        if (!write && plan.Changes.Count > 0)
        {
            await stdout.WriteLineAsync("Run again with --write to merge; then re-run the ranking tests (the catalog feeds the calibration).");
        }

        return 0;
    }

    private static async Task<int> ValidateAsync(string knowledge, TextWriter stdout, TextWriter stderr)
    {
        var (programs, facts, unverified) = SocalTables.Read(Path.Combine(knowledge, SocalSchema.Directory));
        var errors = SocalValidator.Validate(programs, facts, unverified);
        foreach (var error in errors)
        {
            await stderr.WriteLineAsync(error);
        }

        if (errors.Count > 0)
        {
            return 2;
        }

        _ = RankingModelLoader.Load(knowledge); // the merge into the national catalog must succeed too
        await stdout.WriteLineAsync($"OK: {programs.Rows.Count} program rows, {facts.Rows.Count} facts, {unverified.Rows.Count} known-unverified");
        return 0;
    }

    private static async Task<int> CoverageAsync(string knowledge, TextWriter stdout)
    {
        var socal = SocalCatalog.Load(Path.Combine(knowledge, SocalSchema.Directory));
        using var catalog = new StreamReader(Path.Combine(knowledge, RankingModelLoader.CatalogFile));
        using var rules = new StreamReader(Path.Combine(knowledge, RankingModelLoader.RulesFile));
        var coverage = CatalogCoverage.Compute(socal, CatalogLoader.Load(catalog, "catalog.csv"), RuleLoader.Load(rules, "program-rules.csv"));
        await stdout.WriteAsync(coverage.ToMarkdown());
        var elsewhere = socal.Unverified.Count(u => u.Region is null || !Regions.IsKnown(u.Region));
        await stdout.WriteLineAsync($"Cells: programs listed / with ≥ 1 fact beyond location / visa policy known / known but unverified.{(elsewhere > 0 ? $" {elsewhere} unverified program(s) without a single region are not in the table." : "")}");
        return 0;
    }
}
