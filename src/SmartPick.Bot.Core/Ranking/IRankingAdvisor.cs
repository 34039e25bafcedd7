using System.Text.Json.Nodes;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>
/// Filters for /rank and /plan (all optional); <paramref name="Page"/> is the chat page of /rank (the "More" button);
/// <paramref name="Visa"/> lists only programs reporting that visa.
/// </summary>
public sealed record RankRequest(string? Specialty = null, string? Region = null, string? State = null, int? Top = null, int Page = 1, SmartPick.Ranking.Catalog.VisaSupport? Visa = null);

/// <summary>/chances: interviews so far (null: the profile's <c>interviews</c>) and optionally which programs (ACGME ids).</summary>
public sealed record ChancesRequest(string? Specialty = null, int? Interviews = null, IReadOnlyList<string>? Programs = null);

/// <summary>
/// Turns the ranking library's results into chat replies and the CLI's JSON. One seam serves the engine
/// (<see cref="AdvisorResult.Replies"/>) and the CLI (<see cref="AdvisorResult.Json"/>).
/// </summary>
public interface IRankingAdvisor
{
    /// <summary>Ranked list: tiers, chances, plan summary. JSON shape: architecture doc "Rank JSON".</summary>
    AdvisorResult Rank(ApplicantProfile profile, RankRequest request);

    /// <summary>Where the applicant's scores stand; with <paramref name="acgmeId"/>, why that program got its score.</summary>
    AdvisorResult ExplainScore(ApplicantProfile profile, string? acgmeId, string? specialty);

    /// <summary>How many programs, tier mix, expected interviews, P(at least one match).</summary>
    AdvisorResult Plan(ApplicantProfile profile, RankRequest request);

    /// <summary>Interview season: P(match | the interviews the applicant has), what more would change, NRMP rank figures.</summary>
    AdvisorResult Chances(ApplicantProfile profile, ChancesRequest request) => AdvisorResult.Fail("Interview-season chances are not available here.");

    /// <summary>Specialty names the library knows, for validation and autocomplete.</summary>
    IReadOnlyList<string> Specialties { get; }
}

/// <param name="Replies">Chat replies (personal: adapters keep them private).</param>
/// <param name="Json">Machine-readable form for <c>--format json</c>; null when the request was invalid.</param>
/// <param name="Error">A one-line reason when the request cannot be answered (bad specialty, unknown program).</param>
public sealed record AdvisorResult(IReadOnlyList<Reply> Replies, JsonNode? Json, string? Error = null)
{
    public static AdvisorResult Fail(string error) => new([new Reply(error)], null, error);

    /// <summary>The programs the first reply shows (id, name), in its order: what "save to my list" offers.</summary>
    public IReadOnlyList<(string AcgmeId, string Name)> Shown { get; init; } = [];
}
