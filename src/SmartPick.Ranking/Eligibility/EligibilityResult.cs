namespace SmartPick.Ranking.Eligibility;

public enum EligibilityStatus
{
    Eligible,
    Unverified,
    Ineligible,
}

/// <summary>Why a program is not plainly eligible: the named rule, what it means for this applicant, and its source.</summary>
public sealed record EligibilityReason(string Rule, EligibilityStatus Effect, string Detail, string Source, string SourceUrl);

public sealed record EligibilityResult(EligibilityStatus Status, IReadOnlyList<EligibilityReason> Reasons)
{
    public static EligibilityResult From(IReadOnlyList<EligibilityReason> reasons) =>
        new(reasons.Count == 0 ? EligibilityStatus.Eligible : reasons.Max(r => r.Effect), reasons);
}
