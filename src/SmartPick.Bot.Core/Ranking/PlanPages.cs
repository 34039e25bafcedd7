using System.Globalization;
using System.Text;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;
using SmartPick.Ranking.Planning;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>
/// /plan on a phone: page 1 is the plan in numbers and where the signals go (names only); the "More" button opens
/// page 2, why each signal goes where it does and the first programs of the list.
/// </summary>
internal static class PlanPages
{
    /// <summary>Signal groups of one plan: per specialty (null: a one-specialty plan, not named).</summary>
    public sealed record SignalGroup(string? Specialty, IReadOnlyList<PlacedSignal> Signals);

    private const int NamesPerKind = 3;
    private const int ShortName = 34;

    /// <summary>"- IM gold (3): A · B · C" — the first names of each kind, the rest counted.</summary>
    public static void Compact(StringBuilder sb, IReadOnlyList<SignalGroup> groups, RankingModel model)
    {
        if (groups.All(g => g.Signals.Count == 0))
        {
            return;
        }

        sb.AppendLine().AppendLine("**Where to signal** (never where the visa is unconfirmed; why: More):");
        foreach (var g in groups)
        {
            foreach (var kind in g.Signals.GroupBy(s => s.Kind))
            {
                var names = kind.Take(NamesPerKind).Select(s => Markup.Escape(Cut(model.Program(s.AcgmeId)?.Name ?? s.AcgmeId)));
                sb.Append("- ").Append(g.Specialty is { } sp ? RankPage.Short(sp) + " " : string.Empty).Append(kind.Key).Append(" (").Append(kind.Count()).Append("): ")
                  .Append(string.Join(" · ", names)).Append(kind.Count() > NamesPerKind ? $" · +{kind.Count() - NamesPerKind} more" : string.Empty).Append('\n');
            }
        }
    }

    /// <summary>Page 2: each reason said once, then its signals; then the first programs of the list.</summary>
    public static string Details(IReadOnlyList<SignalGroup> groups, PlanResult plan, RankingModel model, bool tagSpecialty)
    {
        var sb = new StringBuilder();
        foreach (var g in groups.Where(g => g.Signals.Count > 0))
        {
            sb.Append("**").Append(g.Specialty is { } sp ? Markup.Escape(sp) + " signals" : "Signals").AppendLine("**");
            foreach (var reason in g.Signals.GroupBy(s => s.Reason))
            {
                sb.Append('_').Append(Markup.Escape(Capitalized(reason.Key))).AppendLine(":_");
                foreach (var s in reason)
                {
                    sb.Append("- ").Append(s.Kind).Append(": ").AppendLine(Markup.Escape(model.Program(s.AcgmeId)?.Name ?? s.AcgmeId));
                }
            }

            sb.AppendLine();
        }

        sb.AppendLine("**First programs in the list** (interview chance, gain in chance to match):");
        foreach (var s in plan.Steps.Take(Math.Min(15, plan.RecommendedApplications)))
        {
            sb.Append("- ").Append(Markup.Escape(model.Program(s.AcgmeId)?.Name ?? s.AcgmeId)).Append(tagSpecialty ? " · " + RankPage.Short(s.Specialty ?? string.Empty) : string.Empty).Append(": ")
              .Append(RankText.Pct(s.InterviewProbability)).Append(", +").Append((100 * s.MarginalGain).ToString("0.0", CultureInfo.InvariantCulture)).AppendLine(" pts");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>The "More" button of page 1.</summary>
    public static Choice[] More(RankRequest request, int page) =>
        page == 1 ? [new Choice("More", RankingAdvisor.MorePayload(request, 2, "cmd:plan"))] : [];

    private static string Cut(string name) => name.Length > ShortName ? name[..(ShortName - 1)].TrimEnd() + "…" : name;

    private static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
