using System.Text;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>Chat text for /plan.</summary>
internal static class PlanText
{
    /// <summary>Page 1: the plan in numbers and where the signals go (<see cref="PlanPages"/> has page 2).</summary>
    public static string Render(RankResult r, RankingModel model, IReadOnlyList<PlanPages.SignalGroup> signals)
    {
        var plan = r.Plan;
        var sb = new StringBuilder();
        sb.Append("**Application plan: ").Append(Markup.Escape(r.Assessment.Calibration.Specialty)).AppendLine("**");
        var mix = TierNames.Mix(plan, model);
        sb.Append("- Recommended applications: **").Append(plan.RecommendedApplications).Append("** (long shots ").Append(mix["LongShot"])
          .Append(", possible ").Append(mix["Possible"]).Append(", higher chance ").Append(mix["HigherChance"])
          .Append(mix["Unrated"] > 0 ? $", no program-level data {mix["Unrated"]}" : string.Empty).AppendLine(")");
        sb.Append("- Expected interviews: ").AppendLine(plan.ExpectedInterviews.ToString("0.0"));
        sb.Append("- P(at least one interview): ").AppendLine(RankText.Pct(plan.PAtLeastOneInterview));
        if (r.Coverage is { TooFewForPlan: true } c)
        {
            sb.Append("- _The list is partial: ").Append(Markup.Escape(c.Note)).AppendLine("_");
            sb.Append("- Your chance in the specialty (typical applicant with your profile): **").Append(RankText.Pct(r.Assessment.MatchProbability)).AppendLine("**");
        }
        else
        {
            sb.Append("- P(match) with this list: **").Append(RankText.Pct(plan.PMatch)).Append("**; once you have at least one interview: ")
              .Append(RankText.Pct(plan.PMatchGivenInterview)).Append(" (applying to every eligible program: ").Append(RankText.Pct(plan.PMatchIfAllApplied)).AppendLine(")");
        }

        sb.AppendLine(RankText.SharedStrengthNote);
        PlanPages.Compact(sb, signals, model);
        return sb.ToString().TrimEnd();
    }
}
