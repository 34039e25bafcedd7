using System.Globalization;
using System.Text;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;
using SmartPick.Ranking.Planning;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>Chat text for /plan.</summary>
internal static class PlanText
{
    public static string Render(RankResult r, RankingModel model, IReadOnlyList<PlacedSignal> signals)
    {
        var plan = r.Plan;
        var sb = new StringBuilder();
        sb.Append("**Application plan: ").Append(Markup.Escape(r.Assessment.Calibration.Specialty)).AppendLine("**");
        sb.Append("- Recommended applications: **").Append(plan.RecommendedApplications).Append("** (long shots ").Append(plan.TierMix[Tier.LongShot])
          .Append(", possible ").Append(plan.TierMix[Tier.Possible]).Append(", higher chance ").Append(plan.TierMix[Tier.HigherChance]).AppendLine(")");
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

        sb.Append("_The list stops where one more application adds less than ").Append(model.Settings.MinRelativeGain.ToString("0.#%", CultureInfo.InvariantCulture))
          .AppendLine(" of the chance it already has; ineligible programs add nothing._");
        sb.AppendLine(RankText.SharedStrengthNote);
        if (signals.Count > 0)
        {
            sb.AppendLine().AppendLine("**Where to signal** (never where the visa is unconfirmed; IMG signals convert less than US graduates'):");
            foreach (var s in signals)
            {
                sb.Append("- ").Append(s.Kind).Append(": ").Append(Markup.Escape(model.Program(s.AcgmeId)?.Name ?? s.AcgmeId)).Append(" — ").AppendLine(Markup.Escape(s.Reason));
            }
        }

        sb.AppendLine().AppendLine("**First programs in the list** (interview chance, gain in P(match)):");
        foreach (var s in plan.Steps.Take(Math.Min(15, plan.RecommendedApplications)))
        {
            sb.Append("- ").Append(Markup.Escape(model.Program(s.AcgmeId)?.Name ?? s.AcgmeId)).Append(": ").Append(RankText.Pct(s.InterviewProbability))
              .Append(", +").Append((100 * s.MarginalGain).ToString("0.0")).AppendLine(" pts");
        }

        return sb.ToString().TrimEnd();
    }
}
