using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>
/// One row of the intake table: the field it fills, how to ask, how to read an answer, when to ask it at all,
/// and how to clear the field when the user skips.
/// </summary>
/// <param name="Id">Stable id; also the field name for <c>/profile set &lt;id&gt; &lt;value&gt;</c>.</param>
/// <param name="Question">Question text in Markup.</param>
/// <param name="Choices">Quick-reply labels; typing a label works the same as pressing it. Every label passes <paramref name="Read"/>.</param>
/// <param name="Read">Reads an answer into the profile or explains what was wrong.</param>
/// <param name="Show">Current value for the profile summary, or null when not given.</param>
/// <param name="Clear">Removes the field (<c>/profile set FIELD skip</c>).</param>
/// <param name="AskWhen">Asked only when this holds (e.g. hands-on USCE only after some USCE).</param>
/// <param name="Aliases">Other names accepted by <c>/profile set</c>.</param>
public sealed record IntakeStep(
    string Id,
    string Label,
    string Question,
    IReadOnlyList<string> Choices,
    Func<ApplicantProfile, string, IntakeContext, ParseResult> Read,
    Func<ApplicantProfile, string?> Show,
    Func<ApplicantProfile, ApplicantProfile> Clear,
    Func<ApplicantProfile, bool>? AskWhen = null,
    IReadOnlyList<string>? Aliases = null)
{
    /// <summary>The main question this one follows up (asked only when the main answer left it open); null for a main question.</summary>
    public string? Group { get; init; }

    /// <summary>A question that fills several fields at once (exams, extras): not a field of its own in summaries or /profile set.</summary>
    public bool Compound { get; init; }

    /// <summary>False for fields only set with /profile set (never asked in the intake).</summary>
    public bool Asked { get; init; } = true;

    /// <summary>Asked only in some part of the cycle (e.g. interviews so far, in interview season).</summary>
    public Func<IntakeContext, bool>? OnlyWhen { get; init; }

    /// <summary>Choices that depend on earlier answers (e.g. at most as many in-specialty letters as US letters).</summary>
    public Func<ApplicantProfile, IReadOnlyList<string>>? ChoicesFor { get; init; }

    public bool IsMain => Group is null;

    public IReadOnlyList<string> ChoicesAt(ApplicantProfile profile) => ChoicesFor?.Invoke(profile) ?? Choices;

    public bool Applies(ApplicantProfile profile, IntakeContext context) =>
        Asked && (OnlyWhen?.Invoke(context) ?? true) && (AskWhen?.Invoke(profile) ?? true);

    public bool Matches(string name) =>
        string.Equals(Id, name, StringComparison.OrdinalIgnoreCase) ||
        (Aliases?.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)) ?? false);
}

/// <summary>What a parser may need beyond the text: the current year (plausible graduation years), and whether it is interview season.</summary>
public sealed record IntakeContext(int CurrentYear, bool InterviewSeason = false);
