using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>Outcome of reading one answer: the updated profile, or a friendly reason to ask again.</summary>
public sealed record ParseResult(ApplicantProfile? Profile, string? Error)
{
    public bool Ok => Error is null;

    public static ParseResult Success(ApplicantProfile profile) => new(profile, null);

    public static ParseResult Reject(string error) => new(null, error);
}
