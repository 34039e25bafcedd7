using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Charts.Tests;

public sealed class ScottPlotRankingChartsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Lazy<RankResult> Result = new(() =>
    {
        var engine = new RankingEngine(RankingModelLoader.Load(FindKnowledge()));
        var profile = new ApplicantProfile { Specialties = ["Internal Medicine"], ApplicantType = ApplicantType.NonUsImg, Step2ck = new Step2Info(232, 1), Visa = VisaNeed.J1 };
        return engine.Rank(profile, new RankQuery("Internal Medicine", 2026, Top: 20));
    });

    [Fact]
    public void ListChart_RendersNonEmptyPng() => AssertPng(new ScottPlotRankingCharts().ListChart(Result.Value), "ranking.png");

    [Fact]
    public void PlanChart_RendersNonEmptyPng() => AssertPng(new ScottPlotRankingCharts().PlanChart(Result.Value), "plan.png");

    [Fact]
    public void ScoreChart_RendersNonEmptyPng()
    {
        var profile = new ApplicantProfile { Specialties = ["Family Medicine"], Step2ck = new Step2Info(228) };
        var standing = ScoreStanding.For(profile, RankingModelLoader.Load(FindKnowledge()).Calibration("Family Medicine")!);

        AssertPng(new ScottPlotRankingCharts().ScoreChart(standing), "score.png");
    }

    private static void AssertPng(ReplyImage? image, string fileName)
    {
        Assert.NotNull(image);
        Assert.True(image.Png.Length > 1000, $"PNG only {image.Png.Length} bytes");
        Assert.Equal(PngSignature, image.Png.Take(8));
        Assert.False(string.IsNullOrWhiteSpace(image.AltText));
        Assert.Equal(fileName, image.FileName);
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
