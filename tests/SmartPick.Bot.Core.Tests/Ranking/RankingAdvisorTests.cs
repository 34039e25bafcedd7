using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Ranking;

public sealed class RankingAdvisorTests
{
    private static readonly string Knowledge = FindKnowledge();

    private static readonly Lazy<IRankingAdvisor> Shared = new(() => Build(Knowledge).GetRequiredService<IRankingAdvisor>());

    private static ApplicantProfile Profile => new()
    {
        Specialties = ["Internal Medicine"],
        ApplicantType = ApplicantType.NonUsImg,
        Step2ck = new Step2Info(232, 1),
        Visa = VisaNeed.J1,
        GraduationYear = 2020,
        Usce = new UsceInfo(4, true, true),
        Letters = new LettersInfo(3, 2, 1),
        Preferences = new PreferencesInfo(["SoCal"]),
    };

    [Theory]
    [InlineData("Family Medicine", true)]
    [InlineData("Internal Medicine", false)]
    public void Rank_SaysWhenProgramsHaveNoProgramLevelData(string specialty, bool expectNote)
    {
        // New York: no program-level data for FM there (the Southern California catalog adds some for California FM).
        var result = Shared.Value.Rank(Profile with { Specialties = [specialty] }, new RankRequest(State: "NY", Top: 5));

        var text = string.Join("\n", result.Replies.Select(r => r.Text));
        Assert.Equal(expectNote, text.Contains("no program-level data", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_ValidProfile_ReturnsArchitectureJsonShape()
    {
        var result = Shared.Value.Rank(Profile, new RankRequest(Top: 10));

        Assert.Null(result.Error);
        var json = Assert.IsType<JsonObject>(result.Json);
        Assert.Equal(["specialty", "matchProbability", "expectedInterviews", "plan", "coverage", "programs", "nextSteps"], json.Select(kv => kv.Key));
        Assert.Equal(["recommendedApplications", "pAtLeastOneInterview", "pMatch", "pMatchGivenInterview"], json["plan"]!.AsObject().Select(kv => kv.Key));
        Assert.Null(json["coverage"]); // the IM catalog lists more programs than the 77 applications of a typical applicant
        Assert.True(json["plan"]!["pMatch"]!.GetValue<double>() <= json["plan"]!["pMatchGivenInterview"]!.GetValue<double>());
        var programs = json["programs"]!.AsArray();
        Assert.Equal(10, programs.Count);
        var first = programs[0]!.AsObject();
        Assert.Equal(["acgmeId", "name", "specialty", "city", "state", "website", "tier", "interviewProbability", "logOdds", "fitScore", "eligibility", "factors"], first.Select(kv => kv.Key));
        Assert.Contains(first["tier"]!.GetValue<string>(), new[] { "HigherChance", "Possible", "LongShot", "Unrated", "Ineligible" });
        Assert.All(first["factors"]!.AsArray(), f => Assert.Equal(["name", "contribution", "detail", "source"], f!.AsObject().Select(kv => kv.Key)));
        Assert.All(result.Replies, r => Assert.Equal(Visibility.Private, r.Visibility));
    }

    [Fact]
    public void Rank_RegionFilter_ListsOnlyThatRegion()
    {
        var result = Shared.Value.Rank(Profile, new RankRequest(Region: "CV", Top: 50));

        var states = result.Json!["programs"]!.AsArray().Select(p => p!["state"]!.GetValue<string>()).Distinct();
        Assert.Equal(["CA"], states);
        Assert.Contains("Kern Medical Center", result.Replies[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dermatology")]
    [InlineData("Basket Weaving")]
    public void Rank_UncalibratedSpecialty_FailsWithOneLine(string specialty)
    {
        var result = Shared.Value.Rank(Profile, new RankRequest(Specialty: specialty));

        Assert.NotNull(result.Error);
        Assert.DoesNotContain('\n', result.Error);
        Assert.Null(result.Json);
    }

    [Fact]
    public void Rank_UnknownRegion_Fails() =>
        Assert.NotNull(Shared.Value.Rank(Profile, new RankRequest(Region: "Mars")).Error);

    [Fact]
    public void Plan_ReturnsListSignalsAndDistribution()
    {
        var result = Shared.Value.Plan(Profile, new RankRequest());

        var plan = result.Json!["plan"]!.AsObject();
        Assert.Equal(15, plan["signals"]!.AsArray().Count);
        Assert.Equal(plan["recommendedApplications"]!.GetValue<int>(), plan["list"]!.AsArray().Count);
        Assert.Contains("Where to signal", result.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainScore_NoProgram_GivesPercentilesAndFlatNoteForFamilyMedicine()
    {
        var result = Shared.Value.ExplainScore(Profile, null, "FM");

        Assert.Null(result.Error);
        Assert.False(result.Json!["scoreSeparates"]!.GetValue<bool>());
        Assert.Contains("not what separates", result.Replies[0].Text, StringComparison.Ordinal);
        Assert.InRange(result.Json["percentileAmongMatched"]!.GetValue<double>(), 0, 100);
    }

    [Fact]
    public void ExplainScore_Program_FactorsSumToChance()
    {
        var result = Shared.Value.ExplainScore(Profile, "1400531031", null);

        var factors = result.Json!["factors"]!.AsArray().Sum(f => f!["contribution"]!.GetValue<double>());
        var p = result.Json["interviewProbability"]!.GetValue<double>();
        Assert.Equal(result.Json["logOdds"]!.GetValue<double>(), factors, 3);
        // The shown chance averages the logistic over the shared strength u: above the logistic at u = 0 while below 50%.
        Assert.True(p > 1 / (1 + Math.Exp(-factors)) && p < 0.5);
        Assert.Contains("Kern Medical Center", result.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chances_UsesProfileInterviews_AndQuotesNrmpRanks()
    {
        var result = Shared.Value.Chances(Profile with { Interviews = 4 }, new ChancesRequest());

        Assert.Null(result.Error);
        Assert.Equal(4, result.Json!["interviews"]!.GetValue<int>());
        var text = result.Replies[0].Text;
        Assert.Contains("with **4** interviews", text, StringComparison.Ordinal);
        Assert.Contains("those who matched ranked a median of 5", text, StringComparison.Ordinal);
        Assert.Equal(Visibility.Private, result.Replies[0].Visibility);
    }

    [Fact]
    public void Chances_NoCountAnywhere_AsksForIt() =>
        Assert.Contains("How many interview invitations", Shared.Value.Chances(Profile, new ChancesRequest()).Error, StringComparison.Ordinal);

    [Fact]
    public void Rank_Neurology_SaysTheListIsPartialInsteadOfALowChance()
    {
        var result = Shared.Value.Rank(Profile with { Specialties = ["Neurology"], Visa = null }, new RankRequest(Top: 5));

        Assert.True(result.Json!["coverage"]!["partial"]!.GetValue<bool>());
        Assert.Contains("The list is partial", result.Replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("P(match) ", result.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainScore_SaysWhichFieldsAreNotGiven_AndZeroIsAnAnswer()
    {
        var blank = Shared.Value.ExplainScore(Profile with { Usce = null }, null, null).Replies[0].Text;
        var zero = Shared.Value.ExplainScore(Profile with { Usce = new UsceInfo(0) }, null, null).Replies[0].Text;

        Assert.Contains("Not given, so no effect either way", blank, StringComparison.Ordinal);
        Assert.Contains("US clinical experience", blank[blank.IndexOf("Not given", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("lowers it: US clinical experience", zero, StringComparison.Ordinal); // 0 months is an answer: below the 3-month pivot (size in the JSON)
    }

    [Fact]
    public void ExplainScore_UnknownProgram_Fails() =>
        Assert.NotNull(Shared.Value.ExplainScore(Profile, "0000000000", null).Error);

    [Fact]
    public async Task Start_MalformedCatalog_FailsNamingFileRowAndColumn()
    {
        var dir = Directory.CreateTempSubdirectory("smartpick-knowledge-");
        try
        {
            CopyDirectory(Knowledge, dir.FullName);
            var catalog = Path.Combine(dir.FullName, "programs", "catalog.csv");
            var lines = File.ReadAllLines(catalog);
            lines[5] = lines[5].Replace(",CA,", ",California,", StringComparison.Ordinal).Replace(",NY,", ",New York,", StringComparison.Ordinal);
            lines[5] = string.Join(',', lines[5].Split(',').Select((c, i) => i == 9 ? "lots" : c));
            File.WriteAllLines(catalog, lines);
            var provider = Build(dir.FullName);
            var host = provider.GetServices<IHostedService>().OfType<RankingModelWarmup>().Single();

            var ex = await Assert.ThrowsAsync<CatalogFormatException>(() => host.StartAsync(CancellationToken.None));

            Assert.Contains("catalog.csv: row 6, column '", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Options_TargetAboveSafety_FailValidation()
    {
        var provider = Build(Knowledge, new() { ["SmartPick:Ranking:PossibleAtLeast"] = "0.5", ["SmartPick:Ranking:HigherChanceAtLeast"] = "0.2" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RankingOptions>>().Value);
    }

    private static ServiceProvider Build(string knowledge, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["SmartPick:Ranking:KnowledgePath"] = knowledge };
        foreach (var kv in extra ?? [])
        {
            settings[kv.Key] = kv.Value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddRankingAdvisor();
        return services.BuildServiceProvider();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    internal static string FindKnowledge()
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
