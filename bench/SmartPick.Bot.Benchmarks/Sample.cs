using System.Globalization;
using SmartPick.Ranking;

namespace SmartPick.Bot.Benchmarks;

/// <summary>Prints one ranking for eyeballing (dotnet run -- --sample).</summary>
public static class Sample
{
    public static void Print()
    {
        var engine = new RankingEngine(BenchData.Load());
        var r = engine.Rank(BenchData.Profile, new RankQuery("Internal Medicine", 2026, Region: "SoCal", Top: 12));
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(inv, "match {0:P1} plan n={1} E[int]={2:F1} P1={3:P1} Pm={4:P1} mix={5}", r.Assessment.MatchProbability, r.Plan.RecommendedApplications, r.Plan.ExpectedInterviews, r.Plan.PAtLeastOneInterview, r.Plan.PMatch, string.Join(",", r.Plan.TierMix)));
        foreach (var p in r.Programs)
        {
            Console.WriteLine(string.Format(inv, "{0} {1,-50} {2,-10} {3:P1} {4} {5}", p.Program.AcgmeId, p.Program.Name[..Math.Min(50, p.Program.Name.Length)], p.Tier, p.InterviewProbability, p.Eligibility.Status, string.Join("; ", p.Factors.Select(f => string.Format(inv, "{0} {1:+0.00;-0.00}", f.Name, f.Contribution)))));
        }
    }
}
