using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Eligibility;

/// <summary>Facts derived from a profile that rules and factors share. Null means "not given".</summary>
public sealed record ApplicantFacts(VisaNeed? Visa, int? FailuresKnown, bool FailuresComplete, int? YearsSinceGraduation, int? Step2, bool? Step3Passed)
{
    public bool NeedsVisa => Visa is VisaNeed.J1 or VisaNeed.H1B;

    public static ApplicantFacts From(ApplicantProfile profile, int asOfYear)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var visa = profile.Visa ?? (profile.ApplicantType == ApplicantType.UsImg ? VisaNeed.None : null);
        var (failures, complete) = CountFailures(profile);
        var yog = profile.GraduationYear is { } y ? Math.Max(0, asOfYear - y) : (int?)null;
        return new ApplicantFacts(visa, failures, complete, yog, profile.Step2ck?.Score, profile.Step3?.Passed);
    }

    private static (int? Failures, bool Complete) CountFailures(ApplicantProfile p)
    {
        int? step1 = p.Step1 switch
        {
            { Result: Step1Result.Fail, Attempts: var a } => Math.Max(1, a ?? 1),
            { Attempts: { } a } => a - 1,
            _ => null,
        };
        int? step2 = p.Step2ck?.Attempts is { } a2 ? a2 - 1 : null;
        if (step1 is null && step2 is null)
        {
            return (null, false);
        }

        return ((step1 ?? 0) + (step2 ?? 0), step1 is not null && step2 is not null);
    }
}
