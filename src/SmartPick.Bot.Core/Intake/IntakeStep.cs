using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>
/// One row of the intake table: the field it fills, how to ask, how to read an answer, when to ask it at all,
/// and how to clear the field when the user skips.
/// </summary>
/// <param name="Id">Stable id; also the field name for <c>/profile set &lt;id&gt; &lt;value&gt;</c>.</param>
/// <param name="Question">Question text in Markup.</param>
/// <param name="Choices">Quick-reply labels; typing a label works the same as pressing it.</param>
/// <param name="Read">Reads an answer into the profile or explains what was wrong.</param>
/// <param name="Show">Current value for the profile summary, or null when not given.</param>
/// <param name="Clear">Removes the field (<c>/profile set FIELD none</c>).</param>
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
    public bool Applies(ApplicantProfile profile) => AskWhen?.Invoke(profile) ?? true;

    public bool Matches(string name) =>
        string.Equals(Id, name, StringComparison.OrdinalIgnoreCase) ||
        (Aliases?.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)) ?? false);
}

/// <summary>What a parser may need beyond the text: the current year, for plausible graduation years.</summary>
public sealed record IntakeContext(int CurrentYear);
