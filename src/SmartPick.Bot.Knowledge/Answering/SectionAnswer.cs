using System.Text;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Knowledge.Guide;
using SmartPick.Bot.Knowledge.Retrieval;

namespace SmartPick.Bot.Knowledge.Answering;

/// <summary>
/// Builds the retrieval-only answer: the best section rendered whole (sections are short and ours, so lists stay
/// with their lead-ins), then one "Related:" line naming at most two runners-up that score close to it and share a
/// heading word with the question.
/// </summary>
public static class SectionAnswer
{
    public const string NotCovered =
        "The guide does not cover this. I can answer questions about scores and score recovery, how Southern California "
        + "programs screen, USCE, letters, the personal statement, building a program list, visas, interviews, SOAP, costs "
        + "and the application timeline.";

    /// <summary>A runner-up must score at least this share of the best section to be named under "Related".</summary>
    private const double RelatedShare = 0.6;

    private const int MaxRelated = 2;

    public static GuideAnswer Compose(RetrievalResult result, int maxCitations, Func<GuideSection, string?>? render = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Covered)
        {
            return new GuideAnswer(NotCovered, [], false);
        }

        var top = result.Hits[0];
        var stems = result.Query.Expanded.SelectMany(TextAnalyzer.Stems).ToList();
        var related = result.Hits.Skip(1)
            .Where(h => h.Score >= top.Score * RelatedShare && stems.Any(s => result.Corpus.HeadingContainsStem(h.Section, s)))
            .Take(Math.Min(MaxRelated, maxCitations - 1))
            .ToList();

        var sb = new StringBuilder();
        sb.Append("**").Append(Markup.Escape(top.Section.Heading)).Append("** (_").Append(Markup.Escape(top.Section.DocumentTitle)).Append("_)\n");
        sb.Append(render?.Invoke(top.Section) ?? GuideMarkup.BlockToMarkup(top.Section.Markdown));
        if (related.Count > 0)
        {
            sb.Append("\n\nRelated: ").Append(string.Join("; ", related.Select(h => Markup.Escape(h.Section.Heading))));
        }

        var citations = new[] { top }.Concat(related)
            .Select(h => new GuideCitation(h.Section.File, h.Section.Id, h.Section.Heading, h.Score))
            .ToList();
        return new GuideAnswer(sb.ToString(), citations, true);
    }
}
