using System.Text;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Planning;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>Chat text for /rank.</summary>
internal static class RankText
{
    public static string Summary(RankResult r)
    {
        var a = r.Assessment;
        var plan = r.Plan;
        var sb = new StringBuilder();
        sb.Append("**").Append(Markup.Escape(a.Calibration.Specialty)).Append("**: estimated chance to match if you apply like a typical applicant: **")
          .Append(Pct(a.MatchProbability)).AppendLine("**.");
        sb.Append("_NRMP counts only applicants who ranked programs; this is a population estimate, not a promise._").AppendLine();
        sb.AppendLine();
        if (r.Coverage is { Partial: true } c)
        {
            sb.Append("_The list is partial: ").Append(Markup.Escape(c.Note)).AppendLine("_");
            sb.Append("Over the ").Append(c.ProgramsListed).Append(" listed programs: expected interviews ").Append(plan.ExpectedInterviews.ToString("0.0"))
              .Append(", P(at least one interview) ").Append(Pct(plan.PAtLeastOneInterview)).AppendLine(".");
        }
        else
        {
            sb.Append("Plan: apply to **").Append(plan.RecommendedApplications).Append("** programs → expected interviews ")
              .Append(plan.ExpectedInterviews.ToString("0.0")).Append(", P(at least one interview) ").Append(Pct(plan.PAtLeastOneInterview))
              .Append(", P(match) ").Append(Pct(plan.PMatch)).Append(" (").Append(Pct(plan.PMatchGivenInterview)).AppendLine(" once you have an interview).");
        }

        sb.AppendLine(SharedStrengthNote);
        sb.Append("Programs considered: ").Append(r.ProgramsConsidered).Append(" (Reach ").Append(plan.TierMix[Tier.Reach])
          .Append(", Target ").Append(plan.TierMix[Tier.Target]).Append(", Safety ").Append(plan.TierMix[Tier.Safety]).Append(" in the plan). Use /plan for the full list and signals.");
        return sb.ToString();
    }

    public static string List(RankResult r)
    {
        if (r.Programs.Count == 0)
        {
            return "No programs in the catalog match these filters.";
        }

        var sb = new StringBuilder("**Programs** (interview chance · tier):\n");
        foreach (var p in r.Programs)
        {
            sb.Append("- ").Append(Markup.Escape(p.Program.Name)).Append(", ").Append(Markup.Escape(p.Program.City)).Append(' ').Append(p.Program.State)
              .Append(" (").Append(p.Program.AcgmeId).Append("): ");
            if (p.Tier == Tier.Ineligible)
            {
                var why = p.Eligibility.Reasons.First(x => x.Effect == EligibilityStatus.Ineligible);
                sb.Append("**Ineligible**: ").Append(Markup.Escape(why.Detail));
            }
            else
            {
                sb.Append(Pct(p.InterviewProbability)).Append(" · ").Append(p.Tier);
                if (p.Eligibility.Status == EligibilityStatus.Unverified)
                {
                    sb.Append(" · _unverified: ").Append(Markup.Escape(p.Eligibility.Reasons[0].Detail)).Append('_');
                }
            }

            sb.Append('\n');
        }

        if (r.Programs.All(p => p.Program.PctImg is null && p.Program.Visas is null && p.Program.InterviewsLastYear is null))
        {
            // Only Internal Medicine has program-level FREIDA data in the catalog; say why the chances look alike.
            sb.Append("_These programs have no program-level data in the catalog (IMG share, visas, interviews are not reported), so they differ only by your preferences. Check each program's website for visa sponsorship and recent IMG residents._\n");
        }

        sb.Append("Why a program scored as it did: /explain-score ACGME_ID");
        return sb.ToString();
    }

    /// <summary>What the plan figure assumes, next to it (knowledge/model.md §4, §8).</summary>
    public const string SharedStrengthNote =
        "_The plan chance assumes programs screen alike through your shared strength: the same things that get you one interview get you others, so a longer list helps less than if each program decided on its own._";

    public static string Pct(double p) => p is > 0 and < 0.005 ? "<1%" : p.ToString("0%");
}
