using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Catalog.Socal;
using SmartPick.Ranking.Fitting;
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
    public const string InterviewFitFile = "outcomes/interview-fit.csv";
    public const string ContiguousRanksFile = "outcomes/contiguous-ranks.csv";

    public static RankingModel Load(string knowledgeDirectory, string? overrideFile = null, ModelCoefficients? coefficients = null, RankingSettings? settings = null)
    {
        var programs = Read(Path.Combine(knowledgeDirectory, CatalogFile), CatalogLoader.Load);
        if (!string.IsNullOrWhiteSpace(overrideFile))
        {
            programs = CatalogLoader.Merge(programs, Read(overrideFile, CatalogLoader.Load));
        }

        var rules = Read(Path.Combine(knowledgeDirectory, RulesFile), RuleLoader.Load);
        var socal = SocalCatalog.Load(Path.Combine(knowledgeDirectory, SocalSchema.Directory));
        (programs, rules) = socal.Apply(programs, rules);
        var ranks = Read(Path.Combine(knowledgeDirectory, ContiguousRanksFile), FitFiles.ReadInputs).ToDictionary(r => r.Specialty, StringComparer.OrdinalIgnoreCase);
        var fitPath = Path.Combine(knowledgeDirectory, InterviewFitFile);
        var fit = Read(fitPath, FitFiles.ReadOutput);
        var pooled = fit.TryGetValue(InterviewFit.PooledName, out var p) ? p : throw new CatalogFormatException($"{fitPath}: no '{InterviewFit.PooledName}' row");
        var calibrations = Read(Path.Combine(knowledgeDirectory, CalibrationFile), CalibrationLoader.Load)
            .Select(c => WithFit(c, fit.TryGetValue(c.Specialty, out var f) ? f : pooled))
            .Select(c => ranks.TryGetValue(c.Specialty, out var r) ? c with { MatchedRanks = r.MatchedRanks, UnmatchedRanks = r.UnmatchedRanks } : c)
            .ToList();
        return new RankingModel(programs, rules, calibrations, coefficients, settings) { Unverified = socal.Unverified };
    }

    /// <summary>
    /// P(match | at least one interview) is at least q, so q is capped at <see cref="QCapShareOfCurve"/> × the curve at
    /// Step 2 CK 220; otherwise the low end of steep, low-rate curves could not be reproduced (knowledge/model.md §4).
    /// </summary>
    public const double QCapShareOfCurve = 0.8;

    private static SpecialtyCalibration WithFit(SpecialtyCalibration c, (double Sigma, double Q) f)
    {
        var cap = QCapShareOfCurve * SpecialtyCurve.Probability(c, 220);
        return c with { Sigma = f.Sigma, InterviewMatchQ = Math.Min(f.Q, cap), FitBasis = f.Q > cap ? "q capped" : "fitted" };
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
