using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>Outcome of reading one answer: the updated profile (with an optional note), or a friendly reason to ask again.</summary>
public sealed record ParseResult(ApplicantProfile? Profile, string? Error)
{
    /// <summary>Said with the next question, e.g. "205 is below every passing standard, so I record a failed attempt".</summary>
    public string? Note { get; init; }

    public bool Ok => Error is null;

    public static ParseResult Success(ApplicantProfile profile, string? note = null) => new(profile, null) { Note = note };

    public static ParseResult Reject(string error) => new(null, error);
}
