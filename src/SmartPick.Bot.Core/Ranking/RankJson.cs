using System.Text.Json.Nodes;
using SmartPick.Ranking;
using SmartPick.Ranking.Chances;
using SmartPick.Ranking.Fitting;
using SmartPick.Ranking.Planning;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>The "Rank JSON" shape of the architecture doc (camelCase), plus plan and explain variants.</summary>
internal static class RankJson
{
    public static JsonObject Rank(RankResult r) => new()
    {
        ["specialty"] = r.Assessment.Calibration.Specialty,
        ["matchProbability"] = Round(r.Assessment.MatchProbability),
        ["expectedInterviews"] = Math.Round(r.Plan.ExpectedInterviews, 2),
        ["plan"] = new JsonObject
        {
            ["recommendedApplications"] = r.Plan.RecommendedApplications,
            ["pAtLeastOneInterview"] = Round(r.Plan.PAtLeastOneInterview),
            ["pMatch"] = Round(r.Plan.PMatch),
            ["pMatchGivenInterview"] = Round(r.Plan.PMatchGivenInterview),
        },
        ["coverage"] = Coverage(r.Coverage),
        ["programs"] = new JsonArray([.. r.Programs.Select(p => (JsonNode)Program(p))]),
    };

    /// <summary>Null when the catalog lists at least as many programs as a typical applicant applies to.</summary>
    public static JsonObject? Coverage(Coverage? c) => c is null ? null : new JsonObject
    {
        ["programsListed"] = c.ProgramsListed,
        ["partial"] = c.Partial,
        ["knownNotListed"] = c.KnownNotListed,
        ["note"] = c.Note,
    };

    public static JsonObject Program(ScoredProgram p) => new()
    {
        ["acgmeId"] = p.Program.AcgmeId,
        ["name"] = p.Program.Name,
        ["specialty"] = p.Program.Specialty,
        ["city"] = p.Program.City,
        ["state"] = p.Program.State,
        ["website"] = p.Program.Website,
        ["tier"] = TierNames.Json(p.Tier, p.Program),
        ["interviewProbability"] = TierNames.Rated(p.Program) || p.Tier == Tier.Ineligible ? Round(p.InterviewProbability) : null,
        ["logOdds"] = Math.Round(p.LogOdds, 4),
        ["fitScore"] = p.FitScore,
        ["eligibility"] = new JsonObject
        {
            ["status"] = p.Eligibility.Status.ToString(),
            ["reasons"] = new JsonArray([.. p.Eligibility.Reasons.Select(e => (JsonNode)new JsonObject
            {
                ["rule"] = e.Rule,
                ["effect"] = e.Effect.ToString(),
                ["detail"] = e.Detail,
                ["source"] = e.Source,
                ["sourceUrl"] = e.SourceUrl,
            })]),
        },
        ["factors"] = new JsonArray([.. p.Factors.Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name,
            ["contribution"] = Math.Round(f.Contribution, 4),
            ["detail"] = f.Detail,
            ["source"] = f.Source,
        })]),
    };

    public static JsonObject Plan(RankResult r, RankingModel model, IReadOnlyList<PlacedSignal> signals)
    {
        var json = Rank(r);
        var plan = (JsonObject)json["plan"]!;
        var recommended = r.Plan.Steps.Take(r.Plan.RecommendedApplications);
        plan["expectedInterviews"] = Math.Round(r.Plan.ExpectedInterviews, 2);
        plan["pMatchIfAllApplied"] = Round(r.Plan.PMatchIfAllApplied);
        plan["tierMix"] = new JsonObject(TierNames.Mix(r.Plan, model).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        plan["eligiblePrograms"] = r.Plan.EligiblePrograms;
        plan["interviewDistribution"] = new JsonArray([.. r.Plan.InterviewDistribution.Take(31).Select(p => (JsonNode)Round(p))]);
        plan["list"] = new JsonArray([.. recommended.Select(s => (JsonNode)new JsonObject
        {
            ["acgmeId"] = s.AcgmeId,
            ["name"] = model.Program(s.AcgmeId)?.Name,
            ["tier"] = TierNames.Json(s.Tier, model.Program(s.AcgmeId)),
            ["interviewProbability"] = TierNames.Rated(model.Program(s.AcgmeId)) ? Round(s.InterviewProbability) : null,
            ["marginalGain"] = Math.Round(s.MarginalGain, 5),
            ["cumulativePMatch"] = Round(s.CumulativeMatchProbability),
        })]);
        plan["signals"] = new JsonArray([.. signals.Select(s => (JsonNode)new JsonObject
        {
            ["acgmeId"] = s.AcgmeId,
            ["kind"] = s.Kind,
            ["reason"] = s.Reason,
        })]);
        return json;
    }

    public static JsonObject Standing(ScoreStanding s, SpecialtyAssessment a) => new()
    {
        ["specialty"] = s.Calibration.Specialty,
        ["step2ck"] = s.Step2,
        ["percentileAmongMatched"] = s.PercentileMatched is { } m ? Math.Round(100 * m, 1) : null,
        ["percentileAmongUnmatched"] = s.PercentileUnmatched is { } u ? Math.Round(100 * u, 1) : null,
        ["curveProbability"] = Round(s.CurveProbability),
        ["matchProbability"] = Round(a.MatchProbability),
        ["scoreSeparates"] = s.ScoreSeparates,
        ["trend"] = s.Trend,
        ["source"] = s.Calibration.Provenance.Source,
    };

    public static JsonObject Chances(ChancesResult c) => new()
    {
        ["specialty"] = c.Assessment.Calibration.Specialty,
        ["interviews"] = c.Interviews,
        ["pMatch"] = Round(c.PMatch),
        ["pMatchWithMore"] = new JsonArray([.. c.WithMore.Select(p => (JsonNode)Round(p))]),
        ["interviewMatchQ"] = Round(c.Assessment.Calibration.InterviewMatchQ),
        ["strengthPercentile"] = Math.Round(100 * c.StrengthPercentile, 1),
        ["planExpectedInterviews"] = Math.Round(c.ExpectedInterviews, 2),
        ["planApplications"] = c.PlanApplications,
        ["nrmpContiguousRanks"] = new JsonObject
        {
            ["matched"] = Ranks(c.Assessment.Calibration.MatchedRanks),
            ["unmatched"] = Ranks(c.Assessment.Calibration.UnmatchedRanks),
            ["source"] = c.Assessment.Calibration.Provenance.Source,
        },
        ["programs"] = new JsonArray([.. c.Programs.Select(p => (JsonNode)new JsonObject
        {
            ["acgmeId"] = p.AcgmeId,
            ["name"] = p.Name,
            ["interviewProbability"] = Round(p.InterviewProbability),
        })]),
        ["unknownPrograms"] = new JsonArray([.. c.UnknownPrograms.Select(p => (JsonNode)p)]),
    };

    private static JsonObject? Ranks(CohortRanks? r) => r is null ? null : new JsonObject
    {
        ["n"] = r.N,
        ["mean"] = r.Mean,
        ["sd"] = r.Sd,
        ["median"] = r.Median,
    };

    private static double Round(double p) => Math.Round(p, 4);
}
