using System.Text;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>Chat text for /explain-score: where the scores stand, or why one program got its score.</summary>
internal static class ExplainText
{
    public static string Standing(ScoreStanding s, SpecialtyAssessment a, ModelDocument doc, SmartPick.Ranking.Profiles.ApplicantProfile? profile = null)
    {
        var sb = new StringBuilder();
        var name = Markup.Escape(s.Calibration.Specialty);
        if (s.Step2 is { } score)
        {
            sb.Append("**Step 2 CK ").Append(score).Append("** in ").Append(name).AppendLine(" among non-US IMGs (NRMP Charting Outcomes 2026):");
            sb.Append("- Higher than about ").Append(s.PercentileMatched!.Value.ToString("0%")).AppendLine(" of those who matched");
            sb.Append("- Higher than about ").Append(s.PercentileUnmatched!.Value.ToString("0%")).AppendLine(" of those who did not match");
        }
        else
        {
            sb.Append("No Step 2 CK score in your profile; ").Append(name).AppendLine(" figures below are the specialty average.");
        }

        sb.Append("- Of non-US IMGs with this score who ranked programs, about ").Append(RankText.Pct(s.CurveProbability))
          .Append(" matched (NRMP); with the rest of your profile your chance is about ").Append(RankText.Pct(a.MatchProbability)).AppendLine(".");
        sb.Append("- ").AppendLine(Markup.Escape(s.Trend));
        if (!s.ScoreSeparates)
        {
            sb.AppendLine().Append("_In ").Append(name).Append(", matched and unmatched applicants have about the same scores: the score is not what separates them. ")
              .AppendLine("Interviews do (more USCE, US letters, visa fit, recent graduation, signals)._");
        }

        foreach (var f in a.ApplicantFactors)
        {
            sb.Append("- ").Append(f.Contribution >= 0 ? "raises it: " : "lowers it: ").Append(Markup.Escape(f.Name)).Append(" (").Append(Markup.Escape(f.Detail)).AppendLine(")");
        }

        if (NotGiven(profile) is { Count: > 0 } missing)
        {
            sb.Append("- Not given, so no effect either way (0 is an answer, not a blank): ").AppendLine(string.Join(", ", missing));
        }

        if (doc.Quote("2.") is { } quote)
        {
            sb.AppendLine().Append("_Model: ").Append(Markup.Escape(quote)).AppendLine("_");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Fields that would move the chance if given; "0" / "none" counts as given (a 0-month USCE lowers it).</summary>
    private static List<string> NotGiven(SmartPick.Ranking.Profiles.ApplicantProfile? p)
    {
        if (p is null)
        {
            return [];
        }

        var list = new List<string>();
        if (p.Usce?.Months is null)
        {
            list.Add("US clinical experience");
        }

        if (p.Letters?.Us is null)
        {
            list.Add("US letters");
        }

        if (p.GraduationYear is null)
        {
            list.Add("graduation year");
        }

        if (p.Step1 is null && p.Step2ck?.Attempts is null)
        {
            list.Add("USMLE attempts");
        }

        return list;
    }
}
