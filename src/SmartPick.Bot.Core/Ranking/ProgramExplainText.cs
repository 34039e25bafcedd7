using System.Text;
using System.Text.RegularExpressions;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Planning;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>
/// /explain-score for one program in plain sentences: the chance and what it means, whether the applicant can apply,
/// what raises or lowers it, then the sources as short named links. Log-odds, commit hashes and section numbers stay
/// in the JSON and knowledge/model.md.
/// </summary>
internal static partial class ProgramExplainText
{
    public static string Render(ScoredProgram p, RankingSettings settings)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(RankPage.Name(p.Program)).Append("** (").Append(Markup.Escape(p.Program.City)).Append(' ').Append(p.Program.State).AppendLine(")");
        if (p.Tier == Tier.Ineligible)
        {
            var why = p.Eligibility.Reasons.FirstOrDefault(x => x.Effect == EligibilityStatus.Ineligible);
            sb.Append("Not open to you: ").Append(Markup.Escape(why?.Detail ?? "the program's stated rules exclude your profile")).AppendLine(".");
        }
        else
        {
            sb.Append("Chance this program invites you to interview: about **").Append(RankText.Pct(p.InterviewProbability)).Append("** — ")
              .Append(RankText.TierWords(p.Tier)).Append(" (I call under ").Append(RankText.Pct(settings.PossibleAtLeast)).Append(" a long shot, from ")
              .Append(RankText.Pct(settings.HigherChanceAtLeast)).AppendLine(" a higher chance).");
            sb.Append("Fit ").Append(p.FitScore).Append("/100 compares it with an average program of the specialty for you (50): ")
              .AppendLine(p.FitScore >= 50 ? "this one is more open to applicants like you." : "this one is harder for applicants like you.");
            foreach (var r in p.Eligibility.Reasons.Where(r => r.Effect == EligibilityStatus.Unverified))
            {
                sb.Append("⚠ Check on the program's website: ").Append(Markup.Escape(r.Detail)).AppendLine(".");
            }
        }

        var moving = p.Factors.Where(f => Math.Abs(f.Contribution) >= 0.05).OrderByDescending(f => Math.Abs(f.Contribution)).ToList();
        if (moving.Count > 0)
        {
            sb.AppendLine().AppendLine("What moves it:");
            foreach (var f in moving)
            {
                sb.Append("- ").Append(f.Contribution > 0 ? "raises it: " : "lowers it: ").Append(Markup.Escape(f.Name)).Append(" — ").AppendLine(Markup.Escape(f.Detail));
            }
        }

        sb.AppendLine().AppendLine("_The chance averages over what your profile cannot show (interview skills, how programs read your letters)._");
        sb.Append("Sources: ").Append(Sources(p));
        return sb.ToString().TrimEnd();
    }

    /// <summary>Each source once, by a short name; the catalog row links to its page.</summary>
    private static string Sources(ScoredProgram p)
    {
        var names = new List<string> { "[" + Markup.Escape(Short(p.Program.Provenance.Source)) + "](" + p.Program.Provenance.SourceUrl + ")" };
        names.AddRange(p.Factors.Select(f => f.Source).Concat(p.Eligibility.Reasons.Select(r => r.Source)).Select(Short)
            .Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Select(Markup.Escape));
        if (!Uri.TryCreate(p.Program.Provenance.SourceUrl, UriKind.Absolute, out var u) || u.Scheme is not ("https" or "http"))
        {
            names[0] = Markup.Escape(Short(p.Program.Provenance.Source));
        }

        return string.Join(", ", names.Distinct(StringComparer.OrdinalIgnoreCase)) + ". How the model works: /ask how is my chance computed";
    }

    /// <summary>"extract x/y src/data.js @ fbf8e369…; domain-data §14 (…)" → "x/y, domain-data".</summary>
    internal static string Short(string source)
    {
        var s = Hash().Replace(source, string.Empty);
        s = Section().Replace(s, string.Empty);
        s = Paren().Replace(s, string.Empty);
        s = s.Split(';', ',')[0].Replace("extract ", string.Empty, StringComparison.OrdinalIgnoreCase);
        s = s.Split(" size:", 2)[0].Split(" retrieved", 2)[0];
        return s.Trim(' ', '.', ':', '-');
    }

    [GeneratedRegex(@"\s*@\s*[0-9a-f]{6,}…?", RegexOptions.IgnoreCase)]
    private static partial Regex Hash();

    [GeneratedRegex(@"\s*§\s*[\w.]+")]
    private static partial Regex Section();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Paren();
}
