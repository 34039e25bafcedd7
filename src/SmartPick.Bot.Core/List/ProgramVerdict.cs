using System.Text.Json.Nodes;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.List;

/// <summary>One factor of a program's chance for this applicant, as the ranking explains it.</summary>
public sealed record VerdictFactor(string Name, double Contribution, string Detail);

/// <summary>
/// What the ranking says about one program for one applicant, read through <see cref="IRankingAdvisor.ExplainScore"/>
/// (its "Rank JSON" program shape). <see cref="Chance"/> is null for programs without program-level data.
/// </summary>
public sealed record ProgramVerdict(string Tier, double? Chance, string Eligibility, IReadOnlyList<string> EligibilityNotes, IReadOnlyList<VerdictFactor> Factors)
{
    public static ProgramVerdict? For(IRankingAdvisor advisor, ApplicantProfile profile, string programId, string track)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Specialties.Count == 0)
        {
            return null;
        }

        var json = advisor.ExplainScore(profile, programId, track).Json;
        if (json is null)
        {
            return new ProgramVerdict("Unrated", null, "Unverified", [], []);
        }

        var tier = json["tier"]?.GetValue<string>() ?? "Unrated";
        double? chance = tier == "Unrated" || json["interviewProbability"] is not JsonValue p ? null : p.GetValue<double>();
        var eligibility = json["eligibility"]?["status"]?.GetValue<string>() ?? "Unverified";
        var notes = (json["eligibility"]?["reasons"] as JsonArray ?? [])
            .Select(r => $"{r?["detail"]?.GetValue<string>()} ({r?["source"]?.GetValue<string>()})")
            .ToList();
        var factors = (json["factors"] as JsonArray ?? [])
            .Select(f => new VerdictFactor(
                f?["name"]?.GetValue<string>() ?? string.Empty,
                f?["contribution"]?.GetValue<double>() ?? 0,
                f?["detail"]?.GetValue<string>() ?? string.Empty))
            .ToList();
        return new ProgramVerdict(tier, chance, eligibility, notes, factors);
    }
}
