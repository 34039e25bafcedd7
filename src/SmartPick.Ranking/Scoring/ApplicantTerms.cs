using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Model;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Scoring;

/// <summary>Program-independent log-odds terms (knowledge/model.md §5.2). Fields not given contribute nothing.</summary>
public static class ApplicantTerms
{
    public const string Prior = "Documented prior, knowledge/model.md §5";

    public static IReadOnlyList<Factor> For(ApplicantProfile profile, ApplicantFacts facts, ModelCoefficients k)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(k);
        var list = new List<Factor>();
        if (facts.FailuresKnown is > 0 and var f)
        {
            var v = Math.Max(k.MaxFailurePenalty, k.FirstFailure + (k.AdditionalFailure * (f - 1)));
            list.Add(new("USMLE attempts", v, $"{f} failed attempt(s): directors rate any failure 4.4/5 when choosing whom to interview", "NRMP Program Director Survey 2021 (domain-data §6); size: " + Prior));
        }

        if (facts.YearsSinceGraduation is { } y && y > 3)
        {
            var v = y >= 10 ? k.YogTenPlus : y >= 6 ? k.YogSixToNine : k.YogFourToFive;
            list.Add(new("Years since graduation", v, $"{y} years since graduation; programs that state a limit use 3–5 years", "Program websites (domain-data §14); size: " + Prior));
        }

        if (profile.Usce?.Months is { } m)
        {
            var v = k.UscePerMonth * (Math.Min(m, k.UsceCapMonths) - k.UscePivotMonths);
            list.Add(new("US clinical experience", v, $"{m} month(s) of USCE (neutral at {k.UscePivotMonths}, counted up to {k.UsceCapMonths})", Prior));
        }

        if (profile.Usce?.HandsOn is { } hands)
        {
            list.Add(new("USCE kind", hands ? k.HandsOn : k.ObservershipOnly, hands ? "Hands-on USCE" : "Observership only", Prior));
        }

        if (profile.Letters?.Us is { } us)
        {
            list.Add(new("US letters", k.UsLetterEach * (Math.Min(us, k.UsLetterCap) - k.UsLetterPivot), $"{us} US letter(s) (neutral at {k.UsLetterPivot})", Prior));
        }

        if (profile.Letters?.InSpecialty is { } sp)
        {
            list.Add(new("Letters in the specialty", k.SpecialtyLetterEach * (Math.Min(sp, k.SpecialtyLetterCap) - k.SpecialtyLetterPivot), $"{sp} letter(s) in the specialty: directors rate them 4.2/5", "NRMP Program Director Survey 2021 (domain-data §6); size: " + Prior));
        }

        if (facts.Step3Passed == true)
        {
            list.Add(new("Step 3 passed", k.Step3Passed, "Step 3 already passed", Prior));
        }

        return list;
    }
}
