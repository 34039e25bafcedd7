using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Knowledge.Ai;

/// <summary>
/// Lets the model call the ranking library for the asking applicant. One instance per question, holding only that
/// applicant's saved profile: the model chooses filters, never whose profile is ranked. Results are cut down to what
/// an answer needs (no factor breakdowns or source URLs), to keep the second request small.
/// </summary>
public sealed class RankingPlugin(IRankingAdvisor advisor, ApplicantProfile? profile)
{
    public const string Name = "ranking";
    internal const int DefaultTop = 10;
    internal const int MaxTop = 25;
    /// <summary>True once a call returned ranking results (the answer then rests on them, not only on passages).</summary>
    public bool Answered { get; private set; }

    internal const string NoProfile = "No saved profile for this applicant: ask them to run /profile first (or state their scores), then rank.";

    [KernelFunction("rank_programs")]
    [Description("Ranks residency programs for the asking applicant's saved profile: tiers, interview chances, eligibility. Returns JSON.")]
    public string RankPrograms(
        [Description("Specialty name, e.g. Internal Medicine; omit to use the profile's first specialty")] string? specialty = null,
        [Description("Region filter, e.g. Southern California; omit for the profile's preferences")] string? region = null,
        [Description("How many programs to return (1-25, default 10)")] int? top = null) =>
        Run(p => advisor.Rank(p, Request(specialty, region, top)), Compact);

    [KernelFunction("plan_applications")]
    [Description("How many programs the asking applicant should apply to, the tier mix, expected interviews and chance of matching. Returns JSON.")]
    public string PlanApplications(
        [Description("Specialty name; omit to use the profile's first specialty")] string? specialty = null,
        [Description("Region filter; omit for the profile's preferences")] string? region = null) =>
        Run(p => advisor.Plan(p, Request(specialty, region, DefaultTop)), CompactPlan);

    private static RankRequest Request(string? specialty, string? region, int? top) =>
        new(Blank(specialty), Blank(region), null, Math.Clamp(top ?? DefaultTop, 1, MaxTop));

    private string Run(Func<ApplicantProfile, AdvisorResult> call, Func<JsonNode, JsonObject> shape)
    {
        if (profile is null)
        {
            return NoProfile;
        }

        var result = call(profile);
        if (result.Json is not { } json)
        {
            return "Not ranked: " + (result.Error ?? "the request was invalid");
        }

        Answered = true;
        return shape(json).ToJsonString();
    }

    internal static JsonObject Compact(JsonNode rank)
    {
        var programs = rank["programs"]?.AsArray() ?? [];
        return new JsonObject
        {
            ["specialty"] = rank["specialty"]?.DeepClone(),
            ["matchProbability"] = rank["matchProbability"]?.DeepClone(),
            ["expectedInterviews"] = rank["expectedInterviews"]?.DeepClone(),
            ["plan"] = rank["plan"]?.DeepClone(),
            ["programs"] = new JsonArray([.. programs.Select(p => (JsonNode)new JsonObject
            {
                ["acgmeId"] = p?["acgmeId"]?.DeepClone(),
                ["name"] = p?["name"]?.DeepClone(),
                ["city"] = p?["city"]?.DeepClone(),
                ["state"] = p?["state"]?.DeepClone(),
                ["tier"] = p?["tier"]?.DeepClone(),
                ["interviewProbability"] = p?["interviewProbability"]?.DeepClone(),
                ["eligibility"] = p?["eligibility"]?["status"]?.DeepClone(),
            })]),
        };
    }

    private static JsonObject CompactPlan(JsonNode plan)
    {
        var p = plan["plan"];
        return new JsonObject
        {
            ["specialty"] = plan["specialty"]?.DeepClone(),
            ["matchProbability"] = plan["matchProbability"]?.DeepClone(),
            ["recommendedApplications"] = p?["recommendedApplications"]?.DeepClone(),
            ["expectedInterviews"] = p?["expectedInterviews"]?.DeepClone(),
            ["pMatch"] = p?["pMatch"]?.DeepClone(),
            ["pMatchIfAllApplied"] = p?["pMatchIfAllApplied"]?.DeepClone(),
            ["tierMix"] = p?["tierMix"]?.DeepClone(),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
