using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;
using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Planning;
using SmartPick.Ranking.Scoring;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>
/// /rank on a phone: page 1 is the chance, the plan line and the best programs with website links; each page lists
/// <see cref="Size"/> programs and ends with a "More" button for the next. In the applicant's preferred area first
/// (up to <see cref="AreaFirst"/> on page 1), then the best chances elsewhere — most IMGs who match apply widely.
/// </summary>
internal static partial class RankPage
{
    public const int Size = 8;
    public const int AreaFirst = 6;

    /// <summary>The order the pages walk through: eligible programs only (ineligible ones are counted, not listed).</summary>
    public static IReadOnlyList<ScoredProgram> Order(RankResult r, PreferredPlaces? places) => Order(r.Programs, places);

    public static IReadOnlyList<ScoredProgram> Order(IEnumerable<ScoredProgram> programs, PreferredPlaces? places)
    {
        var eligible = programs.Where(p => p.Tier != Tier.Ineligible).ToList();
        if (places is null || places.IsEmpty)
        {
            return eligible;
        }

        var area = eligible.Where(p => places.Contains(p.Program)).ToList();
        var elsewhere = eligible.Where(p => !places.Contains(p.Program)).ToList();
        var firstArea = Math.Min(area.Count, Math.Max(AreaFirst, Size - elsewhere.Count));
        var firstElsewhere = Math.Min(elsewhere.Count, Size - firstArea);
        return [.. area.Take(firstArea), .. elsewhere.Take(firstElsewhere), .. area.Skip(firstArea), .. elsewhere.Skip(firstElsewhere)];
    }

    public static string Head(RankResult r)
    {
        var a = r.Assessment;
        var plan = r.Plan;
        var sb = new StringBuilder();
        sb.Append("**").Append(Markup.Escape(a.Calibration.Specialty)).Append("**: your chance to match is about **").Append(RankText.Pct(a.MatchProbability))
          .AppendLine("** — NRMP's figure for applicants with your profile who ranked programs, an estimate, not a promise.");
        if (r.Coverage is { TooFewForPlan: true } c)
        {
            sb.Append("_The list is partial (").Append(c.ProgramsListed).Append(" programs), too few for a plan: ").Append(Markup.Escape(c.Note)).AppendLine("_");
        }
        else if (plan.RecommendedApplications > 0)
        {
            sb.Append("Plan: apply to **").Append(plan.RecommendedApplications).Append("** programs → about ").Append(plan.ExpectedInterviews.ToString("0.0", CultureInfo.InvariantCulture))
              .Append(" interviews expected, ").Append(RankText.Pct(plan.PAtLeastOneInterview)).Append(" chance of at least one, ")
              .Append(RankText.Pct(plan.PMatch)).Append(" chance to match with that list").AppendLine(RankText.SharedStrengthShort);
        }

        if (r.Coverage is { TooFewForPlan: false, KnownNotListed: > 0 } area)
        {
            sb.Append("_The list for this area is partial: ").Append(Markup.Escape(area.Note)).AppendLine("_");
        }

        return sb.ToString();
    }

    /// <summary>The programs page <paramref name="page"/> shows.</summary>
    public static List<ScoredProgram> Shown(IReadOnlyList<ScoredProgram> order, int page, int? cap)
    {
        var total = cap is { } t ? Math.Min(t, order.Count) : order.Count;
        var start = (page - 1) * Size;
        return order.Skip(start).Take(Math.Min(Size, Math.Max(0, total - start))).ToList();
    }

    /// <summary>One page of programs: "1. [Name](site) — City ST: 12% · long shot" (with <paramref name="tagSpecialty"/>: "· FM" after the name).</summary>
    public static string Lines(IReadOnlyList<ScoredProgram> order, int page, PreferredPlaces? places, int? cap, bool tagSpecialty = false)
    {
        var total = cap is { } t ? Math.Min(t, order.Count) : order.Count;
        var start = (page - 1) * Size;
        var shown = Shown(order, page, cap);
        if (shown.Count == 0)
        {
            return order.Count == 0 ? "No eligible program matches these filters." : "No more programs.";
        }

        var sb = new StringBuilder(page == 1 ? "**Best programs for you** (% = chance the program invites you to interview):\n" : string.Empty);
        var elsewhereSaid = false;
        for (var i = 0; i < shown.Count; i++)
        {
            var p = shown[i];
            if (places is { IsEmpty: false } && !places.Contains(p.Program) && !elsewhereSaid)
            {
                sb.Append(i == 0 && page == 1 ? "_Nothing open to you in " + Markup.Escape(places.ToString()) + "; elsewhere:_\n" : "_Elsewhere:_\n");
                elsewhereSaid = true;
            }

            sb.Append(start + i + 1).Append(". ").Append(Name(p.Program, ListedNameLength)).Append(tagSpecialty ? " · " + Short(p.Program.Specialty) : string.Empty).Append(" — ").Append(Markup.Escape(p.Program.City)).Append(' ').Append(p.Program.State)
              .Append(": ").Append(TierNames.Rated(p.Program) ? RankText.Pct(p.InterviewProbability) + " · " + RankText.TierWords(p.Tier) : "no program-level data");
            if (p.Eligibility.Status == EligibilityStatus.Unverified)
            {
                sb.Append(" · ⚠ visa not confirmed");
            }

            sb.Append('\n');
        }

        sb.Append('_').Append(DataAsOf(shown)).Append(". Showing ").Append(start + 1).Append('–').Append(start + shown.Count).Append(" of ").Append(total);
        if (total < order.Count)
        {
            sb.Append(" (of ").Append(order.Count).Append(" eligible)");
        }

        return sb.Append("._").ToString();
    }

    /// <summary>"IM", "FM" for two-word specialties, the name otherwise ("Psychiatry").</summary>
    public static string Short(string specialty)
    {
        var words = specialty.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 2 && words.All(w => char.IsUpper(w[0])) ? string.Concat(words.Select(w => w[0])) : specialty;
    }

    /// <summary>The program name, linked to its website when the catalog has one.</summary>
    public static string Name(ProgramRecord p, int max = int.MaxValue)
    {
        var name = Markup.Escape(p.Name.Length > max ? p.Name[..(max - 1)].TrimEnd() + "…" : p.Name);
        return p.Website is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" && !url.Contains(')', StringComparison.Ordinal)
            ? "[" + name + "](" + url + ")"
            : name;
    }

    /// <summary>Longer names are cut in the list (the link and /explain-score have the whole name), so 8 rows fit a phone.</summary>
    public const int ListedNameLength = 52;

    /// <summary>"Program data as of 2026-10" (or a range): the dates the sources of the shown facts carry.</summary>
    public static string DataAsOf(IEnumerable<ScoredProgram> shown)
    {
        var dates = shown.Select(p => p.Program.Provenance.PublishedOn ?? p.Program.Provenance.RetrievedOn).Where(d => !string.IsNullOrWhiteSpace(d))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return dates.Count switch
        {
            0 => "Program data: date not reported",
            1 => "Program data as of " + dates[0],
            _ => "Program data as of " + dates[0] + " to " + dates[^1],
        };
    }

    /// <summary>What a phone shows: markup dropped, link targets not counted.</summary>
    public static int VisibleLength(string markup) => Markup.ToPlainText(LinkTarget().Replace(markup, "$1")).Length;

    [GeneratedRegex(@"\[((?:\\.|[^\]\\])*)\]\(https?://[^)\s]*\)")]
    private static partial Regex LinkTarget();
}
