using System.Text;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Knowledge.Retrieval;

namespace SmartPick.Bot.Knowledge.Answering;

/// <summary>Builds the retrieval-only answer: the best passages, trimmed, with section citations.</summary>
public static class ExtractiveAnswer
{
    public const string NotCovered =
        "The guide does not cover this. I can answer questions about scores and score recovery, how Southern California "
        + "programs screen, USCE, letters, the personal statement, building a program list, visas, interviews and the "
        + "application timeline.";

    public static GuideAnswer Compose(RetrievalResult result, int maxCitations)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Covered)
        {
            return new GuideAnswer(NotCovered, [], false);
        }

        var top = result.Hits[0];
        var sb = new StringBuilder();
        AppendSection(sb, top, result, maxChars: 700, maxUnits: 4);
        var quoted = new List<GuideHit> { top };

        // A close runner-up from another section often holds the other half of the answer.
        var second = result.Hits.Skip(1).FirstOrDefault(h => h.Score >= top.Score * 0.8);
        if (second is not null && GuideRetriever.Coverage(result.Query, [second.Section], result.Corpus) >= 0.5)
        {
            sb.Append("\n\n");
            AppendSection(sb, second, result, maxChars: 350, maxUnits: 2);
            quoted.Add(second);
        }

        var citations = quoted
            .Concat(result.Hits.Where(h => !quoted.Contains(h) && h.Score >= top.Score * 0.5))
            .Take(maxCitations)
            .Select(h => new GuideCitation(h.Section.File, h.Section.Id, h.Section.Heading, h.Score))
            .ToList();
        return new GuideAnswer(sb.ToString(), citations, true);
    }

    private static void AppendSection(StringBuilder sb, GuideHit hit, RetrievalResult result, int maxChars, int maxUnits)
    {
        var s = hit.Section;
        sb.Append("**").Append(Markup.Escape(s.Heading)).Append("** (_").Append(Markup.Escape(s.DocumentTitle)).Append("_)\n");
        sb.Append(PassageExtractor.Extract(s, result.Query, result.Corpus, maxChars, maxUnits));
    }
}
