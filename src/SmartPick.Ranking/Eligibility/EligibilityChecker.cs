using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Eligibility;

/// <summary>Hard rules, kept apart from preferences (domain-data §10, §15). Unknown data never excludes: it gives Unverified.</summary>
public static class EligibilityChecker
{
    public const string H1bLawUrl = "https://www.law.cornell.edu/uscode/text/8/1182";

    public static EligibilityResult Check(ApplicantFacts a, ProgramRecord program, IReadOnlyList<ProgramRule> rules)
    {
        var reasons = new List<EligibilityReason>();
        Evaluate(a, program, rules, reasons);
        return EligibilityResult.From(reasons);
    }

    /// <summary>The status alone, without building reasons (the ranking's hot path).</summary>
    public static EligibilityStatus Status(ApplicantFacts a, ProgramRecord program, IReadOnlyList<ProgramRule> rules) => Evaluate(a, program, rules, null);

    private static EligibilityStatus Evaluate(ApplicantFacts a, ProgramRecord program, IReadOnlyList<ProgramRule> rules, List<EligibilityReason>? reasons)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(rules);
        var worst = EligibilityStatus.Eligible;
        var src = program.Provenance;
        if (program.AcceptingApplications == false)
        {
            worst = EligibilityStatus.Ineligible;
            reasons?.Add(new("NotAcceptingApplications", EligibilityStatus.Ineligible, "Program reports it is not accepting applications for 2026–2027", Cite(src), src.SourceUrl));
        }

        var siteVisaRule = false;
        for (var i = 0; i < rules.Count; i++)
        {
            siteVisaRule |= rules[i].Hard && rules[i].Kind is RuleKind.CitizensOrPermanentResidentsOnly or RuleKind.VisaAllowed;
        }

        if (!siteVisaRule)
        {
            worst = Max(worst, CheckFreidaVisa(a, program, reasons));
        }

        if (a.Visa == VisaNeed.H1B && (program.Visas is null || program.Visas.Value.HasFlag(VisaSupport.H1B)))
        {
            var effect = a.Step3Passed switch { true => (EligibilityStatus?)null, false => EligibilityStatus.Ineligible, null => EligibilityStatus.Unverified };
            if (effect is { } e)
            {
                worst = Max(worst, e);
                reasons?.Add(new("H1bRequiresStep3", e, e == EligibilityStatus.Ineligible ? "H-1B needs Step 3 passed; yours is not" : "H-1B needs Step 3 passed; Step 3 status not given", "8 U.S.C. §1182(j)(2)", H1bLawUrl));
            }
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Hard && RuleEffect(a, rule) is { } effect)
            {
                worst = Max(worst, effect);
                reasons?.Add(new(rule.Kind.ToString(), effect, rule.Detail, Cite(rule.Provenance), rule.Provenance.SourceUrl));
            }
        }

        return worst;
    }

    private static EligibilityStatus Max(EligibilityStatus a, EligibilityStatus b) => a > b ? a : b;

    internal static string Cite(Provenance p) => $"{p.Source}, retrieved {p.RetrievedOn}";

    private static EligibilityStatus CheckFreidaVisa(ApplicantFacts a, ProgramRecord program, List<EligibilityReason>? reasons)
    {
        if (!a.NeedsVisa)
        {
            return EligibilityStatus.Eligible;
        }

        var src = program.Provenance;
        var need = a.Visa == VisaNeed.J1 ? VisaSupport.J1 : VisaSupport.H1B;
        if (program.Visas is null)
        {
            reasons?.Add(new("VisaNotReported", EligibilityStatus.Unverified, $"Visa sponsorship not reported; confirm {need} on the program's site", Cite(src), src.SourceUrl));
            return EligibilityStatus.Unverified;
        }

        if (!program.Visas.Value.HasFlag(need))
        {
            reasons?.Add(new("VisaNotSponsored", EligibilityStatus.Ineligible, $"Program lists {Describe(program.Visas.Value)}, not {need}", Cite(src), src.SourceUrl));
            return EligibilityStatus.Ineligible;
        }

        return EligibilityStatus.Eligible;
    }

    private static EligibilityStatus? RuleEffect(ApplicantFacts a, ProgramRule rule) => rule.Kind switch
    {
        RuleKind.CitizensOrPermanentResidentsOnly => a.Visa switch
        {
            null => EligibilityStatus.Unverified,
            VisaNeed.None => null,
            _ => EligibilityStatus.Ineligible,
        },
        RuleKind.VisaAllowed => a.Visa switch
        {
            null => EligibilityStatus.Unverified,
            VisaNeed.None => null,
            var v => rule.Value!.Split(';').Contains(v.ToString()) ? null : EligibilityStatus.Ineligible,
        },
        RuleKind.MaxYearsSinceGraduation => a.YearsSinceGraduation switch
        {
            null => EligibilityStatus.Unverified,
            var y when y > rule.IntValue => EligibilityStatus.Ineligible,
            _ => null,
        },
        RuleKind.FirstAttemptsOnly => FailureEffect(a, 0),
        RuleKind.MaxFailures => FailureEffect(a, rule.IntValue),
        RuleKind.MinScore => a.Step2 switch
        {
            null => EligibilityStatus.Unverified,
            var s when s < rule.IntValue => EligibilityStatus.Ineligible,
            _ => null,
        },
        RuleKind.MilitaryOnly => EligibilityStatus.Ineligible,
        _ => null,
    };

    private static EligibilityStatus? FailureEffect(ApplicantFacts a, int max) => a.FailuresKnown switch
    {
        { } f when f > max => EligibilityStatus.Ineligible,
        _ when !a.FailuresComplete => EligibilityStatus.Unverified,
        _ => null,
    };

    private static string Describe(VisaSupport v) => v == VisaSupport.None ? "no visas" : string.Join("/", Enum.GetValues<VisaSupport>().Where(f => f != VisaSupport.None && v.HasFlag(f)));
}
