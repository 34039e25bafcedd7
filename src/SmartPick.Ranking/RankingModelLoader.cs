using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Catalog.Socal;
using SmartPick.Ranking.Model;
using SmartPick.Ranking.Outcomes;
using SmartPick.Ranking.Planning;

namespace SmartPick.Ranking;

/// <summary>Loads a <see cref="RankingModel"/> from a knowledge directory; any malformed file fails with file, row and column.</summary>
public static class RankingModelLoader
{
    public const string CatalogFile = "programs/catalog.csv";
    public const string RulesFile = "programs/program-rules.csv";
    public const string CalibrationFile = "outcomes/specialty-calibration.csv";

    public static RankingModel Load(string knowledgeDirectory, string? overrideFile = null, ModelCoefficients? coefficients = null, RankingSettings? settings = null)
    {
        var programs = Read(Path.Combine(knowledgeDirectory, CatalogFile), CatalogLoader.Load);
        if (!string.IsNullOrWhiteSpace(overrideFile))
        {
            programs = CatalogLoader.Merge(programs, Read(overrideFile, CatalogLoader.Load));
        }

        var rules = Read(Path.Combine(knowledgeDirectory, RulesFile), RuleLoader.Load);
        (programs, rules) = SocalCatalog.Load(Path.Combine(knowledgeDirectory, SocalSchema.Directory)).Apply(programs, rules);
        var calibrations = Read(Path.Combine(knowledgeDirectory, CalibrationFile), CalibrationLoader.Load);
        return new RankingModel(programs, rules, calibrations, coefficients, settings);
    }

    private static T Read<T>(string path, Func<TextReader, string, T> parse)
    {
        if (!File.Exists(path))
        {
            throw new CatalogFormatException($"{path}: file not found");
        }

        using var reader = new StreamReader(path);
        return parse(reader, path);
    }
}
