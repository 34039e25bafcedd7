using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;
using SmartPick.Ranking.Listing;
using SmartPick.Ranking.Scoring;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>
/// /rank and /plan when the profile names several specialties (issue 11, point 1): one short block per specialty, one
/// plan across them (P(match) = matching in any of them, one shared strength), the best programs of all of them
/// alternating by specialty, and JSON with <c>bySpecialty</c> and a <c>specialty</c> on every program.
/// </summary>
internal static class MultiRank
{
    public static AdvisorResult Rank(MultiRankResult m, RankRequest request, int top, PreferredPlaces places, bool scoreMissing, IReadOnlyList<UncalibratedResult> listed, IReadOnlyList<NextSteps.Step> steps)
    {
        var filtered = (request.Region is { } area && !area.Equals("Anywhere", StringComparison.OrdinalIgnoreCase)) || request.State is not null;
        var order = Alternate([.. m.Specialties.Select(r => RankPage.Order(r, filtered ? null : places))]);
        var page = Math.Max(1, request.Page);
        var lines = RankPage.Lines(order, page, filtered ? null : places, request.Top, tagSpecialty: true);
        var text = page == 1 ? Head(m, scoreMissing, listed, request.Visa is not null) + lines : lines;
        var more = page * RankPage.Size < Math.Min(order.Count, request.Top ?? int.MaxValue)
            ? [new Choice("More", RankingAdvisor.MorePayload(request, page + 1))]
            : Array.Empty<Choice>();
        var json = Json(m, top, listed);
        json["nextSteps"] = NextSteps.Json(steps);
        var first = Reply.Private(text) with { Choices = more };
        var deadEnd = order.Count == 0 || m.Plan.PMatch < RankingAdvisor.LowChance;
        return new AdvisorResult(deadEnd && steps.Count > 0 ? [first, Reply.Private(NextSteps.Text(steps))] : [first], json) { Shown = RankingAdvisor.ShownOn(order, page, request.Top) };
    }

    public static AdvisorResult Plan(MultiRankResult m, RankingModel model, IReadOnlyList<PlanPages.SignalGroup> signals, RankRequest request, int top, IReadOnlyList<UncalibratedResult> listed)
    {
        var page = Math.Max(1, request.Page);
        var plan = m.Plan;
        var sb = new StringBuilder();
        sb.Append("**Application plan: ").Append(Markup.Escape(string.Join(" + ", m.Specialties.Select(r => r.Assessment.Calibration.Specialty)))).AppendLine("**");
        sb.Append("- Recommended applications: **").Append(plan.RecommendedApplications).Append("** (").Append(Shares(m)).AppendLine(")");
        sb.Append("- Expected interviews: ").AppendLine(plan.ExpectedInterviews.ToString("0.0", CultureInfo.InvariantCulture));
        sb.Append("- P(at least one interview): ").AppendLine(RankText.Pct(plan.PAtLeastOneInterview));
        sb.Append("- P(match in any of them) with this list: **").Append(RankText.Pct(plan.PMatch)).Append("**; once you have at least one interview: ").AppendLine(RankText.Pct(plan.PMatchGivenInterview));
        foreach (var u in listed)
        {
            sb.Append("- ").Append(Markup.Escape(u.Specialty)).Append(": ").Append(u.ProgramsConsidered).Append(" programs listed (/rank ").Append(Markup.Escape(u.Specialty))
              .AppendLine("); they add no chance here: NRMP publishes no curve for them.");
        }

        sb.Append("_Each specialty keeps at least its ").Append(model.Settings.MinPerSpecialty).AppendLine(" best programs; the rest go where an application adds most._");
        sb.AppendLine(RankText.SharedStrengthNote);
        PlanPages.Compact(sb, signals, model);
        var text = page == 1 ? sb.ToString().TrimEnd() : PlanPages.Details(signals, plan, model, tagSpecialty: true);

        var json = Json(m, top, listed);
        var planJson = (JsonObject)json["plan"]!;
        planJson["pMatchIfAllApplied"] = Round(plan.PMatchIfAllApplied);
        planJson["eligiblePrograms"] = plan.EligiblePrograms;
        planJson["interviewDistribution"] = new JsonArray([.. plan.InterviewDistribution.Take(31).Select(p => (JsonNode)Round(p))]);
        planJson["list"] = new JsonArray([.. plan.Steps.Take(plan.RecommendedApplications).Select(s => (JsonNode)new JsonObject
        {
            ["acgmeId"] = s.AcgmeId,
            ["name"] = model.Program(s.AcgmeId)?.Name,
            ["specialty"] = s.Specialty,
            ["tier"] = TierNames.Json(s.Tier, model.Program(s.AcgmeId)),
            ["interviewProbability"] = TierNames.Rated(model.Program(s.AcgmeId)) ? Round(s.InterviewProbability) : null,
            ["marginalGain"] = Math.Round(s.MarginalGain, 5),
            ["cumulativePMatch"] = Round(s.CumulativeMatchProbability),
        })]);
        planJson["signals"] = new JsonArray([.. signals.SelectMany(g => g.Signals.Select(s => (JsonNode)new JsonObject
        {
            ["acgmeId"] = s.AcgmeId,
            ["specialty"] = g.Specialty,
            ["kind"] = s.Kind,
            ["reason"] = s.Reason,
        }))]);
        return new AdvisorResult([Reply.Private(text) with { Choices = PlanPages.More(request, page) }], json);
    }

    /// <summary>
    /// Top-level <c>specialty</c>, <c>matchProbability</c>, <c>expectedInterviews</c> and <c>coverage</c> stay the first
    /// specialty's (single-specialty clients read them); <c>plan</c> spans all; <c>programs</c> holds each specialty's
    /// best <paramref name="top"/>.
    /// </summary>
    public static JsonObject Json(MultiRankResult m, int top, IReadOnlyList<UncalibratedResult> listed)
    {
        var first = m.BySpecialty[0];
        return new JsonObject
        {
            ["specialty"] = first.Specialty,
            ["matchProbability"] = Round(first.MatchProbability),
            ["expectedInterviews"] = Math.Round(first.ExpectedInterviews, 2),
            ["plan"] = new JsonObject
            {
                ["recommendedApplications"] = m.Plan.RecommendedApplications,
                ["expectedInterviews"] = Math.Round(m.Plan.ExpectedInterviews, 2),
                ["pAtLeastOneInterview"] = Round(m.Plan.PAtLeastOneInterview),
                ["pMatch"] = Round(m.Plan.PMatch),
                ["pMatchGivenInterview"] = Round(m.Plan.PMatchGivenInterview),
            },
            ["coverage"] = RankJson.Coverage(first.Coverage),
            ["bySpecialty"] = new JsonArray([.. m.BySpecialty.Select(b => (JsonNode)new JsonObject
            {
                ["specialty"] = b.Specialty,
                ["matchProbability"] = Round(b.MatchProbability),
                ["expectedInterviews"] = Math.Round(b.ExpectedInterviews, 2),
                ["planApplications"] = b.PlanApplications,
                ["coverage"] = RankJson.Coverage(b.Coverage),
            }), .. listed.Select(u => (JsonNode)new JsonObject
            {
                ["specialty"] = u.Specialty,
                ["matchProbability"] = null,
                ["expectedInterviews"] = null,
                ["planApplications"] = 0,
                ["calibrated"] = false,
                ["note"] = u.Note,
            })]),
            ["programs"] = new JsonArray([.. m.Specialties.SelectMany(r => r.Programs.Take(top)).Select(p => (JsonNode)RankJson.Program(p)), .. listed.SelectMany(u => u.Programs.Select(UncalibratedRank.Program))]),
        };
    }

    /// <summary>The specialties' own orders, alternating (first, second, first, …): their chances are not comparable where programs have no data.</summary>
    private static List<ScoredProgram> Alternate(IReadOnlyList<IReadOnlyList<ScoredProgram>> orders)
    {
        var merged = new List<ScoredProgram>(orders.Sum(o => o.Count));
        for (var i = 0; merged.Count < merged.Capacity; i++)
        {
            merged.AddRange(orders.Where(o => i < o.Count).Select(o => o[i]));
        }

        return merged;
    }

    private static string Head(MultiRankResult m, bool scoreMissing, IReadOnlyList<UncalibratedResult> listed, bool visaFiltered)
    {
        var sb = new StringBuilder("Your chance to match (NRMP's figure for applicants with your profile who ranked programs; an estimate, not a promise):\n");
        foreach (var r in m.Specialties)
        {
            sb.Append("• **").Append(Markup.Escape(r.Assessment.Calibration.Specialty)).Append("**: about **").Append(RankText.Pct(r.Assessment.MatchProbability)).Append("**");
            if (r.Coverage is { TooFewForPlan: true } c)
            {
                sb.Append(" · _partial list (").Append(c.ProgramsListed).Append(" programs in the catalog)_");
            }
            else if (r.Coverage is { KnownNotListed: > 0 } area)
            {
                sb.Append(" · _").Append(area.KnownNotListed).Append(" more known here, not yet confirmed: check websites_");
            }

            if (r.Programs.Count > 0 && r.Programs.All(p => !TierNames.Rated(p.Program)))
            {
                sb.Append(" · _no program-level data: programs differ only by your preferences_");
            }

            if (visaFiltered && r.Programs.Count == 0)
            {
                sb.Append(" · _no program reports visas: check websites_");
            }

            sb.Append('\n');
        }

        var plan = m.Plan;
        if (plan.RecommendedApplications > 0)
        {
            sb.Append("Plan across them: apply to **").Append(plan.RecommendedApplications).Append("** programs (").Append(Shares(m)).Append(") → about ")
              .Append(plan.ExpectedInterviews.ToString("0.0", CultureInfo.InvariantCulture)).Append(" interviews expected, ")
              .Append(RankText.Pct(plan.PMatch)).Append(" chance to match in any of them with that list").Append(RankText.SharedStrengthShort).Append('\n');
        }

        if (scoreMissing)
        {
            sb.Append("_No Step 2 CK score in your profile, so these are the figures for an average applicant (/profile adds it)._\n");
        }

        foreach (var u in listed)
        {
            sb.Append("• **").Append(Markup.Escape(u.Specialty)).Append("**: no NRMP chance exists; ").Append(u.ProgramsConsidered).Append(" programs listed (/rank ").Append(Markup.Escape(u.Specialty)).Append(")\n");
        }

        return sb.ToString();
    }

    private static string Shares(MultiRankResult m) =>
        string.Join(" · ", m.BySpecialty.Select(b => RankPage.Short(b.Specialty) + " " + b.PlanApplications.ToString(CultureInfo.InvariantCulture)));

    private static double Round(double p) => Math.Round(p, 4);
}
