using SmartPick.Ranking;
using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Benchmarks;

/// <summary>The repository model and synthetic catalogs for scaling runs.</summary>
public static class BenchData
{
    public static ApplicantProfile Profile { get; } = new()
    {
        Specialties = ["Internal Medicine"],
        ApplicantType = ApplicantType.NonUsImg,
        Step2ck = new Step2Info(232, 1),
        Visa = VisaNeed.J1,
        GraduationYear = 2020,
        Usce = new UsceInfo(4, true, true),
        Letters = new LettersInfo(3, 2, 1),
        Languages = ["Spanish"],
        Preferences = new PreferencesInfo(["SoCal"]),
    };

    public static RankingModel Load() => RankingModelLoader.Load(FindKnowledge());

    /// <summary>The real model's calibration and rules with <paramref name="count"/> synthetic IM programs.</summary>
    public static RankingModel Synthetic(RankingModel real, int count)
    {
        var rng = new Random(42);
        var types = Enum.GetValues<ProgramType>();
        var programs = Enumerable.Range(0, count).Select(i => new ProgramRecord
        {
            AcgmeId = (1400000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Specialty = "Internal Medicine",
            Name = $"Synthetic {i}",
            State = i % 10 == 0 ? "CA" : "NY",
            Region = i % 10 == 0 ? Regions.Codes[i % 6] : null,
            Type = types[rng.Next(types.Length)],
            PctImg = rng.NextDouble() < 0.2 ? null : rng.NextDouble() * 100,
            PctUsmd = rng.NextDouble() * 100,
            Visas = rng.NextDouble() < 0.25 ? null : (VisaSupport)rng.Next(0, 8),
            Provenance = new Provenance("synthetic", "https://example.org", "2026-11-26"),
        }).ToList();
        return new RankingModel(programs, [], [.. real.Specialties.Select(s => real.Calibration(s)!)]);
    }

    private static string FindKnowledge()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "knowledge");
            if (File.Exists(Path.Combine(candidate, "programs", "catalog.csv")))
            {
                return candidate;
            }
        }

        var cwd = Path.Combine(Directory.GetCurrentDirectory(), "knowledge");
        return Directory.Exists(cwd) ? cwd : throw new DirectoryNotFoundException("knowledge/ not found; run from the repository root");
    }
}
