using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Outcomes;
using SmartPick.Ranking.Profiles;
using SmartPick.Ranking.Scoring;

namespace SmartPick.Ranking.Model;

/// <summary>
/// The reference applicant's list (knowledge/model.md §4): a non-US IMG with the given Step 2 CK and neutral other
/// factors (no visa need, first attempts, recent graduate) applies to the N_s programs of the catalog with the highest
/// interview chance at that score — the most open ones, as a typical applicant choosing a list would. Where the catalog
/// holds fewer than N_s programs, the rest are taken at the catalog's mean program terms (0 when the catalog has none).
/// </summary>
public sealed record ReferenceList(double[] ProgramTerms, int CatalogPrograms)
{
    public static ReferenceList Build(RankingModel model, SpecialtyCalibration cal, int? step2)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cal);
        var facts = new ApplicantFacts(VisaNeed.None, 0, true, 0, step2, null);
        var profile = new ApplicantProfile { Specialties = [cal.Specialty], Step2ck = step2 is { } s ? new Step2Info(s, 1) : null };
        var terms = new List<double>();
        foreach (var p in model.ProgramsIn(cal.Specialty))
        {
            var rules = model.RulesFor(p.AcgmeId);
            if (EligibilityChecker.Status(facts, p, rules) != EligibilityStatus.Ineligible)
            {
                terms.Add(Scoring.ProgramTerms.Sum(null, profile, facts, p, rules, model.Coefficients, PreferredPlaces.None, model.ReportsVisas(cal.Specialty)));
            }
        }

        var n = cal.ReferenceApplications;
        var fill = terms.Count == 0 ? 0 : terms.Average();
        var list = terms.OrderDescending().Take(n).ToList();
        while (list.Count < n)
        {
            list.Add(fill);
        }

        return new ReferenceList([.. list], terms.Count);
    }
}
