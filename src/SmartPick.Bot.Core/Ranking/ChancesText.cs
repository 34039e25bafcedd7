using System.Globalization;
using System.Text;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking.Chances;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>Chat text for /chances (interview season).</summary>
internal static class ChancesText
{
    public static string Render(ChancesResult c)
    {
        var cal = c.Assessment.Calibration;
        var name = Markup.Escape(cal.Specialty);
        var sb = new StringBuilder();
        if (c.Interviews == 0)
        {
            sb.Append("**").Append(name).AppendLine("** with no interviews yet: without an interview there is no rank list, so no Main Match yet.");
            sb.Append("- One interview would give about **").Append(RankText.Pct(c.WithMore[0])).Append("**, two ").Append(RankText.Pct(c.WithMore[1]))
              .Append(", three ").Append(RankText.Pct(c.WithMore[2])).AppendLine(".");
            sb.AppendLine("- Invitations still arrive through the season: keep your ERAS documents current and write to programs where you have a real tie. If none come, SOAP (Match Week) is the next route.");
        }
        else
        {
            sb.Append("**").Append(name).Append("** with **").Append(c.Interviews).Append("** interview").Append(c.Interviews == 1 ? string.Empty : "s")
              .Append("**: estimated chance to match **").Append(RankText.Pct(c.PMatch)).AppendLine("** if you rank every program that interviews you.");
            sb.Append("- One more interview: ").Append(RankText.Pct(c.WithMore[0])).Append("; two more: ").Append(RankText.Pct(c.WithMore[1]))
              .Append("; three more: ").Append(RankText.Pct(c.WithMore[2])).AppendLine(".");
        }

        sb.Append("- Each interview turns into a match with about ").Append(RankText.Pct(cal.InterviewMatchQ))
          .AppendLine(" probability in the fitted model, whatever else is in your profile: the number of interviews is what counts now.");
        if (cal.MatchedRanks is { } m && cal.UnmatchedRanks is { } u)
        {
            sb.Append("- NRMP 2026, non-US IMGs in ").Append(name).Append(": those who matched ranked ").Append(Median(m)).Append(" programs in a row (mean ")
              .Append(m.Mean.ToString("0.#", CultureInfo.InvariantCulture)).Append("), those who did not ").Append(Median(u)).Append(" (mean ")
              .Append(u.Mean.ToString("0.#", CultureInfo.InvariantCulture)).AppendLine(").");
        }

        sb.Append("- Before the season your plan (").Append(c.PlanApplications).Append(" applications) expected about ").Append(c.ExpectedInterviews.ToString("0.0", CultureInfo.InvariantCulture))
          .Append(" interviews; yours put you near the ").Append(Ordinal((int)Math.Round(100 * c.StrengthPercentile))).AppendLine(" percentile of applicants with your profile.");
        foreach (var p in c.Programs)
        {
            sb.Append("  - ").Append(Markup.Escape(p.Name)).Append(": the model gave you ").Append(RankText.Pct(p.InterviewProbability)).AppendLine(" for this interview.");
        }

        if (c.UnknownPrograms.Count > 0)
        {
            sb.Append("_Not in the catalog for this specialty (counted, not used for your strength): ").Append(Markup.Escape(string.Join(", ", c.UnknownPrograms))).AppendLine("_");
        }

        sb.AppendLine("_Population estimate from NRMP Charting Outcomes 2026 (knowledge/model.md §10), not a promise. It assumes you rank every program that interviews you._");
        return sb.ToString().TrimEnd();
    }

    private static string Median(SmartPick.Ranking.Fitting.CohortRanks r) =>
        r.Median is { } med ? "a median of " + med.ToString("0.#", CultureInfo.InvariantCulture) : "on average " + r.Mean.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
