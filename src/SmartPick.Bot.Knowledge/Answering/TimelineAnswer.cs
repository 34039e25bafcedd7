using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Knowledge.Guide;

namespace SmartPick.Bot.Knowledge.Answering;

/// <summary>
/// Date questions are answered from <c>knowledge/timeline/cycles.csv</c> for the cycle the applicant is in today,
/// so the guide's dated section never goes stale: the section about a cycle's key dates is replaced by the current
/// cycle's events, each with its source, past events marked.
/// </summary>
public sealed partial class TimelineAnswer(CycleTimeline? timeline, TimeProvider time)
{
    /// <summary>True when the question asks when a dated event of the cycle happens ("when is match day", "ROL deadline?").</summary>
    public bool IsDateQuestion(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return timeline is not null && DateWords().IsMatch(question) && Events().IsMatch(question);
    }

    /// <summary>Sections whose body is the dated list for a cycle.</summary>
    public static bool IsDatesSection(GuideSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.File == "guide/timeline.md" && section.Id.StartsWith("dates-", StringComparison.Ordinal);
    }

    /// <summary>The current cycle's dates as Markup, or null when the section is not a dates section or no file loaded.</summary>
    public string? Render(GuideSection section)
    {
        if (timeline is null || !IsDatesSection(section)) return null;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var cycle = timeline.CurrentCycle(today);
        if (cycle is null) return null;
        var sb = new StringBuilder();
        sb.Append("Today is ").Append(Day(today)).Append(": you are in the ").Append(cycle)
          .Append(" cycle. Its dates (_estimated_ ones follow earlier cycles until the official date is out):\n");
        foreach (var e in timeline.ForCycle(cycle))
        {
            sb.Append("- **").Append(Day(e.Date)).Append("**").Append(e.IsEstimated ? " (_estimated_)" : string.Empty)
              .Append(": ").Append(Markup.Escape(e.Event)).Append(e.Date < today ? " (past)" : string.Empty)
              .Append(" [source](").Append(e.Source.AbsoluteUri).Append(")\n");
        }

        sb.Append("Confirm exact days with AAMC (ERAS) and NRMP before you plan around them.");
        return sb.ToString();
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b(when|what\s+date|which\s+date|dates?|deadlines?|what\s+day|timeline)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateWords();

    [GeneratedRegex(@"\b(match\s*day|match\s*week|rol|rank\s*(order)?\s*lists?|soap|eras|myeras|submit|submission|registration|register|residents?\s+start|residency\s+starts?|start\s+residency|training\s+starts?|cycle|match)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Events();
}
