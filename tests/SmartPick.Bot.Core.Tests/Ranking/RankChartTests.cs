using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Ranking;

/// <summary>The /rank chart never draws a percentage for a program without program-level data.</summary>
public sealed class RankChartTests
{
    [Fact]
    public void Rank_SpecialtyWithoutProgramData_SendsNoChart()
    {
        var (advisor, charts) = Build();

        var result = advisor.Rank(Profile("Psychiatry"), new RankRequest(Region: "SoCal"));

        Assert.Null(result.Replies[0].Image);
        Assert.Empty(charts.Drawn);
    }

    [Fact]
    public void Rank_InternalMedicine_ChartsOnlyRatedPrograms()
    {
        var (advisor, charts) = Build();

        advisor.Rank(Profile("Internal Medicine"), new RankRequest(Region: "SoCal"));

        var drawn = Assert.Single(charts.Drawn);
        Assert.NotEmpty(drawn.Programs);
        Assert.All(drawn.Programs, p => Assert.True(p.Program.PctImg is not null || p.Program.PctUsmd is not null || p.Program.Type != SmartPick.Ranking.Catalog.ProgramType.Unknown, p.Program.Name));
    }

    private static ApplicantProfile Profile(string specialty) => new()
    {
        Specialties = [specialty],
        ApplicantType = ApplicantType.NonUsImg,
        Visa = VisaNeed.None,
        Step2ck = new Step2Info(235, 1),
    };

    private static (IRankingAdvisor Advisor, RecordingCharts Charts) Build()
    {
        var charts = new RecordingCharts();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SmartPick:Ranking:KnowledgePath"] = RankingAdvisorTests.FindKnowledge() }).Build());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IRankingCharts>(charts);
        services.AddRankingAdvisor();
        return (services.BuildServiceProvider().GetRequiredService<IRankingAdvisor>(), charts);
    }

    private sealed class RecordingCharts : IRankingCharts
    {
        public List<RankResult> Drawn { get; } = [];

        public ReplyImage? ListChart(RankResult result)
        {
            Drawn.Add(result);
            return new ReplyImage([1], "chart", "ranking.png");
        }

        public ReplyImage? PlanChart(RankResult result) => null;

        public ReplyImage? ScoreChart(ScoreStanding standing) => null;
    }
}
