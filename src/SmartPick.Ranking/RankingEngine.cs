using System.Collections.Concurrent;
using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Model;
using SmartPick.Ranking.Outcomes;
using SmartPick.Ranking.Planning;
using SmartPick.Ranking.Profiles;
using SmartPick.Ranking.Quadrature;
using SmartPick.Ranking.Scoring;

namespace SmartPick.Ranking;

/// <summary>
/// Scores programs for a profile under the shared-strength model (knowledge/model.md §4–§8): numbers for every
/// program first, factor text and eligibility reasons only for the programs returned. Thread-safe; the model is read-only.
/// </summary>
public sealed class RankingEngine(RankingModel model)
{
    private readonly ConcurrentDictionary<(string Specialty, int? Step2), ReferenceList> _references = new();
    private readonly ConcurrentDictionary<(string Specialty, int? Step2, double UsImgShift), double> _shifts = new();
    private readonly ConcurrentDictionary<string, GaussHermite> _rules = new(StringComparer.OrdinalIgnoreCase);

    private const double UnreachableBelow = 1.1;
    private const int LowestScore = 190;

    public RankingModel Model { get; } = model;

    public GaussHermite Rule(SpecialtyCalibration cal)
    {
        ArgumentNullException.ThrowIfNull(cal);
        return _rules.GetOrAdd(cal.Specialty, _ => GaussHermite.For(cal.Sigma));
    }

    private GaussHermite Rule(SpecialtyCalibration cal, int nodes) =>
        Rule(cal) is { } own && own.Count == nodes ? own : _rules.GetOrAdd($"{cal.Specialty}#{nodes}", _ => GaussHermite.Create(cal.Sigma, nodes));

    /// <summary>
    /// Every specialty of the profile ranked as by <see cref="Rank"/>, and one plan across them under one shared strength
    /// (model.md §8): a standard-normal z loaded σₛ per specialty, so the nodes line up and P(match anywhere) is a mixture.
    /// </summary>
    public MultiRankResult RankAcross(ApplicantProfile profile, IReadOnlyList<RankQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfZero(queries.Count);
        var nodes = queries.Max(q => Rule(Model.Calibration(q.Specialty) ?? throw new ArgumentException($"no calibration for '{q.Specialty}'", nameof(queries))).Count);
        var results = queries.Select(q => Rank(profile, q with { Nodes = nodes })).ToList();
        return new MultiRankResult(results, CombinedPlan.Across(results, Model.Settings));
    }

    public ReferenceList Reference(SpecialtyCalibration cal, int? step2)
    {
        ArgumentNullException.ThrowIfNull(cal);
        return _references.GetOrAdd((cal.Specialty, step2), key => ReferenceList.Build(Model, cal, key.Step2));
    }

    public SpecialtyAssessment Assess(ApplicantProfile profile, SpecialtyCalibration cal, int asOfYear)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(cal);
        var step2 = profile.Step2ck?.Score;
        var curve = SpecialtyCurve.Probability(cal, step2);
        var target = SpecialtyCurve.Probability(cal, step2, profile.ApplicantType == ApplicantType.UsImg ? Model.Coefficients.UsImgShift : 0);
        var rule = Rule(cal);
        var reference = Reference(cal, step2).ProgramTerms;
        var shift = profile.ApplicantType == ApplicantType.UsImg ? Model.Coefficients.UsImgShift : 0;
        var beta = Beta(cal, step2, shift);
        var applicant = ApplicantTerms.For(profile, ApplicantFacts.From(profile, asOfYear), Model.Coefficients);
        var a = applicant.Sum(f => f.Contribution);
        var chances = ListChances.Of(reference, beta + a, cal.InterviewMatchQ, rule);
        var neutral = a == 0 ? chances : ListChances.Of(reference, beta, cal.InterviewMatchQ, rule);
        var match = Math.Clamp(target * FactorRatio(chances, neutral, a), 0, 1);
        return new SpecialtyAssessment(cal, curve, target, beta, applicant, match)
        {
            ApplicantLogOdds = a,
            Rule = rule,
            Reference = chances,
        };
    }

    /// <summary>
    /// How much the applicant's factors (sum <paramref name="a"/>) move the specialty chance (model.md §4). Weaker
    /// factors scale it by the unconditional ratio, so a failure lowers it as much as it lowers the plan; stronger ones
    /// by the ratio given at least one interview — the unconditional ratio of a strong profile grows without bound as the
    /// typical applicant's list empties at low scores, which made a higher score give a lower chance.
    /// </summary>
    private static double FactorRatio(ListChances withFactors, ListChances neutral, double a) => a < 0
        ? neutral.PMatch > 0 ? withFactors.PMatch / neutral.PMatch : 1
        : neutral.PMatchGivenInterview > 0 ? withFactors.PMatchGivenInterview / neutral.PMatchGivenInterview : 1;

    /// <summary>One program with its factor text and eligibility reasons (for /explain-score and the returned list).</summary>
    public ScoredProgram Score(ApplicantProfile profile, ProgramRecord program, SpecialtyAssessment assessment, int asOfYear)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(assessment);
        var facts = ApplicantFacts.From(profile, asOfYear);
        var rules = Model.RulesFor(program.AcgmeId);
        var eligibility = EligibilityChecker.Check(facts, program, rules);
        var factors = new List<Factor>(12)
        {
            new("Specialty baseline", assessment.BaselineLogOdds, BaselineDetail(assessment, profile), CitationFor(assessment.Calibration)),
        };
        factors.AddRange(assessment.ApplicantFactors);
        var logit = assessment.BaselineLogOdds + assessment.ApplicantLogOdds
            + ProgramTerms.Sum(factors, profile, facts, program, rules, Model.Coefficients, PreferredPlaces.From(profile), Model.ReportsVisas(program.Specialty));
        var p = assessment.Rule.MeanLogistic(logit);
        var tier = eligibility.Status == EligibilityStatus.Ineligible ? Tier.Ineligible : Model.Settings.TierFor(p);
        return new ScoredProgram(program, tier, p, logit, FitScore(logit, assessment), eligibility, factors);
    }

    public RankResult Rank(ApplicantProfile profile, RankQuery query)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(query);
        var cal = Model.Calibration(query.Specialty) ?? throw new ArgumentException($"no calibration for '{query.Specialty}'", nameof(query));
        var assessment = Assess(profile, cal, query.AsOfYear);
        if (query.Nodes is { } nodes && nodes != assessment.Rule.Count)
        {
            assessment = assessment with { Rule = Rule(cal, nodes) };
        }

        var facts = ApplicantFacts.From(profile, query.AsOfYear);
        var preferred = PreferredPlaces.From(profile);
        var regions = query.Region is null ? null : Regions.Resolve(query.Region);
        var programs = Model.ProgramsIn(cal.Specialty);
        var scores = CatalogScores.Rent(programs.Count);
        try
        {
            var shared = assessment.BaselineLogOdds + assessment.ApplicantLogOdds;
            var visas = Model.ReportsVisas(cal.Specialty);
            var rule = assessment.Rule;
            Span<double> allMiss = stackalloc double[rule.Count];
            allMiss.Fill(1);
            int considered = 0, eligible = 0;
            for (var i = 0; i < programs.Count; i++)
            {
                var p = programs[i];
                if ((regions is not null && (p.Region is null || !regions.Contains(p.Region)))
                    || (query.State is not null && !string.Equals(p.State, query.State, StringComparison.OrdinalIgnoreCase)))
                {
                    scores.Exclude(i);
                    continue;
                }

                considered++;
                var rules = Model.RulesFor(p.AcgmeId);
                var ineligible = EligibilityChecker.Status(facts, p, rules) == EligibilityStatus.Ineligible;
                var eta = shared + ProgramTerms.Sum(null, profile, facts, p, rules, Model.Coefficients, preferred, visas);
                var e = Math.Exp(-eta);
                double shown = 0;
                for (var h = 0; h < allMiss.Length; h++)
                {
                    var ph = 1 / (1 + (e * rule.ExpNegNodes[h]));
                    shown += rule.Weights[h] * ph;
                    if (!ineligible)
                    {
                        allMiss[h] *= 1 - (cal.InterviewMatchQ * ph);
                    }
                }

                eligible += ineligible ? 0 : 1;
                scores.Set(i, eta, shown, ineligible, preferred.Contains(p));
            }

            double allApplied = 0;
            for (var h = 0; h < allMiss.Length; h++)
            {
                allApplied += rule.Weights[h] * (1 - allMiss[h]);
            }

            var wanted = query.Top is { } t ? Math.Min(considered, Math.Max(t, Model.Settings.MaxApplications + 1)) : considered;
            var order = scores.Top(wanted, programs);
            var candidates = new List<PlanCandidate>(Math.Min(order.Length, Model.Settings.MaxApplications + 1));
            foreach (var i in order)
            {
                if (!scores.Ineligible(i) && candidates.Count <= Model.Settings.MaxApplications)
                {
                    candidates.Add(new PlanCandidate(programs[i].AcgmeId, scores.LogOdds(i), scores.Shown(i), cal.InterviewMatchQ, cal.Specialty) { ExpNegNodes = rule.ExpNegNodes });
                }
            }

            var plan = Planner.Plan(candidates, rule, Model.Settings, allApplied, eligible);
            var display = scores.Display(order, query.Top is { } top ? Math.Min(top, order.Length) : order.Length, programs);
            var list = new List<ScoredProgram>(display.Length);
            foreach (var i in display)
            {
                list.Add(Score(profile, programs[i], assessment, query.AsOfYear));
            }

            var reference = Reference(cal, profile.Step2ck?.Score);
            var coverage = WithUnlisted(CoverageFor(cal, reference), cal.Specialty, considered, string.Equals(query.State, "CA", StringComparison.OrdinalIgnoreCase) ? Regions.Codes : regions);
            return new RankResult(assessment, list, plan, considered) { Coverage = coverage, MissAllByNode = allMiss.ToArray() };
        }
        finally
        {
            scores.Return();
        }
    }

    /// <summary>
    /// β(S): the reference list at score S reproduces the curve given at least one interview. P(match | ≥ 1 interview)
    /// cannot fall below q, so targets under 1.1·q (extrapolated low scores) are solved at 1.1·q; and β never falls as S
    /// rises (a better score also improves the reference list, which alone would lower β and with it the chance at
    /// programs where the score is not binding), so β(S) = max(β solved at S, β(S − 1)) from <see cref="LowestScore"/>.
    /// </summary>
    public double Beta(SpecialtyCalibration cal, int? step2, double usImgShift)
    {
        ArgumentNullException.ThrowIfNull(cal);
        return _shifts.GetOrAdd((cal.Specialty, step2, usImgShift), key =>
        {
            var target = Math.Max(SpecialtyCurve.Probability(cal, key.Step2, key.UsImgShift), UnreachableBelow * cal.InterviewMatchQ);
            var solved = ListChances.SolveShift(Reference(cal, key.Step2).ProgramTerms, target, cal.InterviewMatchQ, Rule(cal));
            return key.Step2 is { } s && s > LowestScore ? Math.Max(solved, Beta(cal, s - 1, key.UsImgShift)) : solved;
        });
    }

    /// <summary>Partial when the catalog lists fewer programs (for a typical applicant) than N_s applications.</summary>
    public static Coverage? CoverageFor(SpecialtyCalibration cal, ReferenceList reference)
    {
        ArgumentNullException.ThrowIfNull(cal);
        ArgumentNullException.ThrowIfNull(reference);
        return reference.CatalogPrograms >= cal.ReferenceApplications ? null : new Coverage(
            reference.CatalogPrograms,
            true,
            $"The catalog lists {reference.CatalogPrograms} {cal.Specialty} programs, fewer than the {cal.ReferenceApplications} applications a typical applicant sends, so a plan over this list is partial and its P(match) is not your chance in the specialty.")
        {
            TooFewForPlan = true,
        };
    }

    /// <summary>Adds the area's known-but-unverified programs (issue 15: a list that misses programs must say so).</summary>
    private Coverage? WithUnlisted(Coverage? national, string specialty, int listed, IReadOnlyList<string>? area)
    {
        var known = area is null ? 0 : Model.Unverified.Count(u => u.Region is not null && area.Contains(u.Region) && string.Equals(u.Specialty, specialty, StringComparison.OrdinalIgnoreCase));
        if (known == 0)
        {
            return national;
        }

        var note = $"{known} more {specialty} program{(known == 1 ? " is" : "s are")} known in this area but not yet confirmed by a cited list, so not ranked: check their websites (knowledge/programs/README.md names them).";
        return national is null
            ? new Coverage(listed, true, note) { KnownNotListed = known }
            : national with { Note = national.Note + " " + note, KnownNotListed = known };
    }

    internal static string CitationFor(SpecialtyCalibration c) => $"{c.Provenance.Source}; derivation knowledge/model.md §2–§4";

    private static int FitScore(double logit, SpecialtyAssessment a) => (int)Math.Round(100 * Logistic.Sigmoid(logit - a.BaselineLogOdds));

    private static string BaselineDetail(SpecialtyAssessment a, ApplicantProfile profile)
    {
        var score = profile.Step2ck?.Score is { } s ? $"Step 2 CK {s}" : "Step 2 CK not given (specialty average)";
        var us = profile.ApplicantType == ApplicantType.UsImg ? " plus the US-IMG prior" : string.Empty;
        return $"{a.Calibration.Specialty}, {score}: NRMP curve {a.CurveProbability:P0}{us}; shift β calibrated so a typical applicant's list reproduces it given at least one interview";
    }
}
