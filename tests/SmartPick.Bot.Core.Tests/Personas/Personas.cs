using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Personas;

/// <summary>The five applicants of issue 11, as their profiles stood after the intake, and the real ranking advisor.</summary>
internal static class Personas
{
    private static readonly Lazy<IRankingAdvisor> Shared = new(Build);

    public static IRankingAdvisor Advisor => Shared.Value;

    /// <summary>Indian graduate on a J-1, Step 2 CK 226, IM or FM in Southern California.</summary>
    public static ApplicantProfile IndianJ1 => new()
    {
        Specialties = ["Internal Medicine", "Family Medicine"],
        ApplicantType = ApplicantType.NonUsImg,
        Step1 = new Step1Info(Step1Result.Pass, Attempts: 1),
        Step2ck = new Step2Info(226, 1),
        Visa = VisaNeed.J1,
        GraduationYear = 2022,
        Usce = new UsceInfo(3, true, true),
        Letters = new LettersInfo(3, 2, 1),
        Preferences = new PreferencesInfo(["SoCal"]),
    };

    /// <summary>Egyptian graduate needing an H-1B without Step 3, Step 1 failed then passed, Step 2 CK 231, Psychiatry in LA.</summary>
    public static ApplicantProfile EgyptianH1b => new()
    {
        Specialties = ["Psychiatry"],
        ApplicantType = ApplicantType.NonUsImg,
        Step1 = new Step1Info(Step1Result.Pass, Attempts: 2),
        Step2ck = new Step2Info(231, 1),
        Visa = VisaNeed.H1B,
        GraduationYear = 2021,
        Usce = new UsceInfo(2, true, false),
        Letters = new LettersInfo(2, 1, 0),
        Preferences = new PreferencesInfo(["LA"]),
    };

    /// <summary>Caribbean graduate, US citizen, Step 2 CK 219, Pediatrics or FM anywhere in California.</summary>
    public static ApplicantProfile CaribbeanCitizen => new()
    {
        Specialties = ["Pediatrics", "Family Medicine"],
        ApplicantType = ApplicantType.UsImg,
        Step1 = new Step1Info(Step1Result.Pass, Attempts: 1),
        Step2ck = new Step2Info(219, 1),
        Visa = VisaNeed.None,
        GraduationYear = 2025,
        Usce = new UsceInfo(8, true, true),
        Letters = new LettersInfo(3, 3, 2),
        Preferences = new PreferencesInfo(States: ["CA"]),
    };

    /// <summary>The messy free-text user: what the fact reader kept (IM, 240, J-1, no place given).</summary>
    public static ApplicantProfile FreeText => new()
    {
        Specialties = ["Internal Medicine"],
        ApplicantType = ApplicantType.NonUsImg,
        Step2ck = new Step2Info(240, 1),
        Visa = VisaNeed.J1,
        GraduationYear = 2023,
    };

    /// <summary>The quick-answers user who skipped everything but the specialty.</summary>
    public static ApplicantProfile Skipper => new() { Specialties = ["Internal Medicine"] };

    public static IEnumerable<(string Name, ApplicantProfile Profile)> All =>
    [
        ("Indian J-1, IM+FM SoCal", IndianJ1), ("Egyptian H-1B, Psychiatry LA", EgyptianH1b), ("Caribbean citizen, Peds+FM CA", CaribbeanCitizen),
        ("Free-text IM", FreeText), ("Skipped everything", Skipper),
    ];

    private static IRankingAdvisor Build()
    {
        var settings = new Dictionary<string, string?> { ["SmartPick:Ranking:KnowledgePath"] = FindKnowledge() };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddRankingAdvisor();
        return services.BuildServiceProvider().GetRequiredService<IRankingAdvisor>();
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

        throw new DirectoryNotFoundException("knowledge/ not found");
    }
}
