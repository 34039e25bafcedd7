using System.Text.Json.Nodes;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Knowledge.Tests.Ai;

/// <summary>
/// An <see cref="IRankingAdvisor"/> answering in the real "Rank JSON" shape (factors, eligibility reasons, source
/// URLs) and rejecting unknown specialties as the real one does. Records every call.
/// </summary>
internal sealed class FakeRankingAdvisor : IRankingAdvisor
{
    public List<(string Method, ApplicantProfile Profile, RankRequest Request)> Calls { get; } = [];

    public IReadOnlyList<string> Specialties { get; } = ["Internal Medicine", "Family Medicine"];

    public AdvisorResult Rank(ApplicantProfile profile, RankRequest request)
    {
        Calls.Add((nameof(Rank), profile, request));
        if (request.Specialty is { } s && !Specialties.Contains(s))
        {
            return AdvisorResult.Fail($"Unknown specialty \"{s}\".");
        }

        var programs = new JsonArray([.. Enumerable.Range(1, request.Top ?? 10).Take(2).Select(i => (JsonNode)new JsonObject
        {
            ["acgmeId"] = $"140050000{i}",
            ["name"] = $"Riverside Program {i}",
            ["city"] = "Riverside",
            ["state"] = "CA",
            ["tier"] = i == 1 ? "Possible" : "LongShot",
            ["interviewProbability"] = i == 1 ? 0.31 : 0.12,
            ["fitScore"] = 70,
            ["eligibility"] = new JsonObject
            {
                ["status"] = "Eligible",
                ["reasons"] = new JsonArray(new JsonObject { ["rule"] = "YOG", ["effect"] = "None", ["detail"] = "within 5 years", ["source"] = "program site", ["sourceUrl"] = "https://example.org/yog" }),
            },
            ["factors"] = new JsonArray(new JsonObject { ["name"] = "Step 2 CK", ["contribution"] = 0.4, ["detail"] = "above median", ["source"] = "NRMP" }),
        })]);
        var json = new JsonObject
        {
            ["specialty"] = request.Specialty ?? (profile.Specialties.Count > 0 ? profile.Specialties[0] : "Internal Medicine"),
            ["matchProbability"] = 0.42,
            ["expectedInterviews"] = 3.1,
            ["plan"] = new JsonObject { ["recommendedApplications"] = 60, ["pAtLeastOneInterview"] = 0.93, ["pMatch"] = 0.55 },
            ["programs"] = programs,
        };
        return new AdvisorResult([new Reply("ranked")], json);
    }

    public AdvisorResult Plan(ApplicantProfile profile, RankRequest request) => Rank(profile, request);

    public AdvisorResult ExplainScore(ApplicantProfile profile, string? acgmeId, string? specialty) =>
        AdvisorResult.Fail("not used");
}
