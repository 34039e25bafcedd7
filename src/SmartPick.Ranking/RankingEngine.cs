using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Model;
using SmartPick.Ranking.Outcomes;
using SmartPick.Ranking.Planning;
using SmartPick.Ranking.Profiles;
using SmartPick.Ranking.Scoring;

namespace SmartPick.Ranking;

/// <summary>
/// Scores programs for a profile: eligibility, calibrated interview chances as additive log-odds factors, tiers and the plan.
/// Thread-safe; the model is read-only.
/// </summary>
public sealed class RankingEngine(RankingModel model)
{
    public RankingModel Model { get; } = model;

    public SpecialtyAssessment Assess(ApplicantProfile profile, SpecialtyCalibration cal, int asOfYear)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(cal);
        var k = Model.Coefficients;
        var step2 = profile.Step2ck?.Score;
        var curve = SpecialtyCurve.Probability(cal, step2);
        var shift = profile.ApplicantType == ApplicantType.UsImg ? k.UsImgShift : 0;
        var target = SpecialtyCurve.Probability(cal, step2, shift);
        var baseline = SpecialtyCurve.BaselineInterviewLogOdds(cal, target);
        var facts = ApplicantFacts.From(profile, asOfYear);
        var applicant = ApplicantTerms.For(profile, facts, k);
        var match = SpecialtyCurve.ReferenceMatchProbability(cal, baseline + applicant.Sum(f => f.Contribution));
        return new SpecialtyAssessment(cal, curve, target, baseline, applicant, match);
    }

    public ScoredProgram Score(ApplicantProfile profile, ProgramRecord program, SpecialtyAssessment assessment, int asOfYear)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(assessment);
        return Score(profile, ApplicantFacts.From(profile, asOfYear), program, assessment, PreferredPlaces.From(profile));
    }

    public RankResult Rank(ApplicantProfile profile, RankQuery query)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(query);
        var cal = Model.Calibration(query.Specialty) ?? throw new ArgumentException($"no calibration for '{query.Specialty}'", nameof(query));
        var assessment = Assess(profile, cal, query.AsOfYear);
        var facts = ApplicantFacts.From(profile, query.AsOfYear);
        var preferred = PreferredPlaces.From(profile);
        var regions = query.Region is null ? null : Regions.Resolve(query.Region);
        var scored = new List<ScoredProgram>();
        foreach (var p in Model.ProgramsIn(cal.Specialty))
        {
            if ((regions is null || (p.Region is not null && regions.Contains(p.Region)))
                && (query.State is null || string.Equals(p.State, query.State, StringComparison.OrdinalIgnoreCase)))
            {
                scored.Add(Score(profile, facts, p, assessment, preferred));
            }
        }

        var plan = Planner.Plan(
            [.. scored.Where(s => s.Tier != Tier.Ineligible).Select(s => (s.Program.AcgmeId, s.InterviewProbability))],
            cal.InterviewMatchQ,
            Model.Settings.Signals.GetValueOrDefault(cal.Specialty),
            Model.Settings,
            Model.Coefficients.SignalOddsRatio);
        var ordered = scored
            .OrderBy(s => s.Tier == Tier.Ineligible)
            .ThenByDescending(s => s.InterviewProbability)
            .ThenBy(s => s.Program.AcgmeId, StringComparer.Ordinal);
        var list = query.Top is { } top ? ordered.Take(top).ToList() : ordered.ToList();
        return new RankResult(assessment, list, plan, scored.Count);
    }

    private ScoredProgram Score(ApplicantProfile profile, ApplicantFacts facts, ProgramRecord program, SpecialtyAssessment a, PreferredPlaces preferred)
    {
        var rules = Model.RulesFor(program.AcgmeId);
        var eligibility = EligibilityChecker.Check(facts, program, rules);
        var factors = new List<Factor>(12)
        {
            new("Specialty baseline", a.BaselineLogOdds, BaselineDetail(a, profile), CitationFor(a.Calibration)),
        };
        factors.AddRange(a.ApplicantFactors);
        ProgramTerms.Add(factors, profile, facts, program, rules, Model.Coefficients, preferred);
        double logit = 0;
        foreach (var f in factors)
        {
            logit += f.Contribution;
        }

        var p = Logistic.Sigmoid(logit);
        var tier = eligibility.Status == EligibilityStatus.Ineligible ? Tier.Ineligible : Model.Settings.TierFor(p);
        var fit = (int)Math.Round(100 * Logistic.Sigmoid(logit - a.BaselineLogOdds));
        return new ScoredProgram(program, tier, p, logit, fit, eligibility, factors);
    }

    private static string BaselineDetail(SpecialtyAssessment a, ApplicantProfile profile)
    {
        var score = profile.Step2ck?.Score is { } s ? $"Step 2 CK {s}" : "Step 2 CK not given (specialty average)";
        var us = profile.ApplicantType == ApplicantType.UsImg ? " plus the US-IMG prior" : string.Empty;
        return $"{a.Calibration.Specialty}, {score}: NRMP curve {a.CurveProbability:P0}{us}; calibrated typical-program interview chance {Logistic.Sigmoid(a.BaselineLogOdds):P1}";
    }

    internal static string CitationFor(SpecialtyCalibration c) => $"{c.Provenance.Source}; derivation knowledge/model.md §2–§4";
}
