using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Model;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Scoring;

/// <summary>
/// Program-specific log-odds terms: openness, score level, stated soft rules, California and language fit. The sum is
/// always returned; factor text is built only when <c>list</c> is given (numbers first, text only for shown programs).
/// </summary>
public static class ProgramTerms
{
    private static readonly string[] SpanishSpecialties = ["Internal Medicine", "Family Medicine", "Pediatrics"];

    /// <param name="catalogReportsVisas">False when no program of the specialty reports visas (no visa column): then an unreported visa is not a penalty.</param>
    public static double Sum(List<Factor>? list, ApplicantProfile profile, ApplicantFacts a, ProgramRecord p, IReadOnlyList<ProgramRule> rules, ModelCoefficients k, PreferredPlaces preferredPlaces, bool catalogReportsVisas = true)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(preferredPlaces);
        var sum = Openness(list, p, k) + Level(list, a, p, k);
        if (a.NeedsVisa && p.Visas is null && catalogReportsVisas && !HasVisaAllowedRule(rules))
        {
            sum += k.UnknownVisaPenalty;
            list?.Add(new("Visa not reported", k.UnknownVisaPenalty, "Program does not report visa sponsorship: uncertain for a visa applicant", ApplicantTerms.Prior));
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!rule.Hard && SoftRuleMissed(a, rule))
            {
                sum += k.SoftRulePenalty;
                list?.Add(new($"Stated preference: {rule.Kind}", k.SoftRulePenalty, rule.Detail, EligibilityChecker.Cite(rule.Provenance)));
            }
        }

        var inCa = p.State == "CA";
        if (inCa && profile.Usce?.InCalifornia == true)
        {
            sum += k.CaliforniaUsce;
            list?.Add(new("California USCE", k.CaliforniaUsce, "USCE in California, program in California", ApplicantTerms.Prior));
        }

        if (inCa && profile.Letters?.California is > 0)
        {
            sum += k.CaliforniaLetter;
            list?.Add(new("California letters", k.CaliforniaLetter, "Letter(s) from California physicians", ApplicantTerms.Prior));
        }

        if (p.Region is { } region && Regions.SpanishHeavy.Contains(region) && SpanishSpecialties.Contains(p.Specialty) && SpeaksSpanish(profile))
        {
            sum += k.Spanish;
            list?.Add(new("Spanish (language fit)", k.Spanish, $"Spanish speaker applying in {Regions.DisplayName(region)}", "domain-data §16 (ERAS language filter; MBC survey); size: " + ApplicantTerms.Prior));
        }

        if (a.Visa == VisaNeed.H1B && a.Step3Passed == true && p.Visas?.HasFlag(VisaSupport.H1B) == true)
        {
            sum += k.H1bStep3Ready;
            list?.Add(new("Step 3 ready for H-1B", k.H1bStep3Ready, "Program sponsors H-1B and your Step 3 is passed", "8 U.S.C. §1182(j)(2); size: " + ApplicantTerms.Prior));
        }

        if (preferredPlaces.Contains(p))
        {
            sum += k.PreferredRegion;
            list?.Add(new("Preferred region", k.PreferredRegion, "In a region or state you prefer (ERAS geographic preference)", ApplicantTerms.Prior));
        }

        return sum;
    }

    private static bool HasVisaAllowedRule(IReadOnlyList<ProgramRule> rules)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Kind is RuleKind.VisaAllowed)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SpeaksSpanish(ApplicantProfile profile)
    {
        var languages = profile.Languages;
        for (var i = 0; i < (languages?.Count ?? 0); i++)
        {
            if (languages![i].AsSpan().Trim().Equals("Spanish", StringComparison.OrdinalIgnoreCase))
            {
                return true; // indexed, not foreach: an interface enumerator would allocate once per program
            }
        }

        return false;
    }

    private static double Openness(List<Factor>? list, ProgramRecord p, ModelCoefficients k)
    {
        double sum = 0;
        var share = p.PctImg ?? TypeShare(p.Type, k);
        if (share is { } v)
        {
            var c = k.ImgShareWeight * (Logistic.Logit(Clamp(v)) - Logistic.Logit(Clamp(k.ReferenceImgShare)));
            sum += c;
            list?.Add(new(
                "Program IMG share",
                c,
                (p.PctImg is { } s ? $"{s:0.#}% IMG residents" : $"IMG share not reported; {p.Type} programs median {v:0.#}%") + $" (reference {k.ReferenceImgShare:0.#}%)",
                p.PctImg is null ? "FREIDA 2025 type medians (domain-data §8); weight: " + ApplicantTerms.Prior : EligibilityChecker.Cite(p.Provenance)));
        }

        if (p.PctImg is null && p.FirstAcademicYear >= k.NewProgramSince)
        {
            sum += k.NewProgramBonus;
            list?.Add(new("New program", k.NewProgramBonus, $"Accredited {p.FirstAcademicYear}; new programs are often more open", ApplicantTerms.Prior));
        }

        return sum;
    }

    private static double Level(List<Factor>? list, ApplicantFacts a, ProgramRecord p, ModelCoefficients k)
    {
        double? level = p.PctUsmd is { } u ? k.LevelBase + (k.LevelPerUsmdShare * u / 100) : p.Type switch
        {
            ProgramType.University or ProgramType.Military => k.LevelBase + (k.LevelPerUsmdShare * 0.8),
            ProgramType.CommunityUniversityAffiliated => k.LevelBase + (k.LevelPerUsmdShare * 0.45),
            ProgramType.Community => k.LevelBase + (k.LevelPerUsmdShare * 0.2),
            _ => null,
        };
        if (level is not { } l || a.Step2 is not { } s)
        {
            return 0;
        }

        var c = k.BelowLevelPer10 * Math.Min(0, (s - l) / 10);
        list?.Add(new("Step 2 CK vs program", c, $"Your {s} vs estimated program level ~{l:0} ({(p.PctUsmd is { } usmd ? $"{usmd:0.#}% US MD residents" : $"{p.Type} program")})", $"{EligibilityChecker.Cite(p.Provenance)}; level formula: {ApplicantTerms.Prior}"));
        return c;
    }

    private static bool SoftRuleMissed(ApplicantFacts a, ProgramRule rule) => rule.Kind switch
    {
        RuleKind.MinScore => a.Step2 < rule.IntValue,
        RuleKind.MaxYearsSinceGraduation => a.YearsSinceGraduation > rule.IntValue,
        RuleKind.MaxFailures => a.FailuresKnown > rule.IntValue,
        RuleKind.FirstAttemptsOnly => a.FailuresKnown > 0,
        _ => false,
    };

    private static double Clamp(double pct) => Math.Clamp(pct / 100, 0.02, 0.95);

    private static double? TypeShare(ProgramType t, ModelCoefficients k) => t switch
    {
        ProgramType.University => k.UniversityImgShare,
        ProgramType.CommunityUniversityAffiliated => k.CommunityUniversityImgShare,
        ProgramType.Community => k.CommunityImgShare,
        ProgramType.Military => k.MilitaryImgShare,
        _ => null,
    };
}
