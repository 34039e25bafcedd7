using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Tests;

/// <summary>The repository's knowledge directory and a model loaded once from it.</summary>
internal static class TestData
{
    public static string KnowledgeDirectory { get; } = FindUp("knowledge", "programs");

    private static readonly Lazy<RankingModel> LazyModel = new(() => RankingModelLoader.Load(KnowledgeDirectory));

    public static RankingModel Model => LazyModel.Value;

    public static RankingEngine Engine { get; } = new(Model);

    /// <summary>shared/data next to the repository (reference inputs), or null when not present.</summary>
    public static string? SharedData
    {
        get
        {
            var root = Directory.GetParent(KnowledgeDirectory)!.Parent?.FullName;
            var path = root is null ? null : Path.Combine(root, "shared", "data");
            return path is not null && Directory.Exists(path) ? path : null;
        }
    }

    public static ApplicantProfile Profile(string specialty = "Internal Medicine", int? step2 = 235, ApplicantType type = ApplicantType.NonUsImg) =>
        new() { Specialties = [specialty], ApplicantType = type, Step2ck = step2 is null ? null : new Step2Info(step2, 1) };

    public static ProgramRecord Program(string id = "1400500999", VisaSupport? visas = VisaSupport.J1, double? pctImg = 50, double? pctUsmd = 20) => new()
    {
        AcgmeId = id,
        Specialty = "Internal Medicine",
        Name = "Test Program",
        City = "Riverside",
        State = "CA",
        Region = "IE",
        Type = ProgramType.Community,
        PctImg = pctImg,
        PctUsmd = pctUsmd,
        Visas = visas,
        Provenance = new Provenance("Test FREIDA row", "https://freida.ama-assn.org/", "2025-03-28"),
    };

    private static string FindUp(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (Directory.Exists(candidate))
            {
                return Path.Combine(dir.FullName, parts[0]);
            }
        }

        throw new DirectoryNotFoundException("knowledge/programs not found above " + AppContext.BaseDirectory);
    }
}
