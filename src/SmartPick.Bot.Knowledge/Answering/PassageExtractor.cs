using System.Text;
using SmartPick.Bot.Knowledge.Guide;
using SmartPick.Bot.Knowledge.Retrieval;

namespace SmartPick.Bot.Knowledge.Answering;

/// <summary>
/// Trims a section to the sentences and list items that carry the question's words, in their original order,
/// and renders them as Markup (guide links stay valid links).
/// </summary>
public static class PassageExtractor
{
    public static string Extract(GuideSection section, GuideQuery query, CorpusStatistics corpus, int maxChars, int maxUnits)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(corpus);
        var units = PassageUnit.Split(section.Markdown);
        if (units.Count == 0)
        {
            return string.Empty;
        }

        // Bare labels ("**J-1**" on a line of its own) say nothing alone; never quote them.
        var scored = units.Select(u => (Unit: u, Score: IsLabel(u) ? 0 : Score(u, query, corpus))).ToList();
        var chosen = new List<PassageUnit>();
        var length = 0;
        foreach (var (unit, score) in scored.Where(s => s.Score > 0).OrderByDescending(s => s.Score).ThenBy(s => s.Unit.Order))
        {
            if (chosen.Count >= maxUnits || (chosen.Count > 0 && length + unit.Markdown.Length > maxChars))
            {
                continue;
            }

            chosen.Add(unit);
            length += unit.Markdown.Length;
        }

        if (chosen.Count == 0)
        {
            // The match was in the heading: the opening lines say what the section is about.
            chosen.AddRange(units.Where(u => !IsLabel(u)).Take(2));
        }

        // A chosen list item without its lead-in ("Programs look for:") reads oddly; bring the lead-in along.
        foreach (var item in chosen.Where(u => u.IsListItem).ToList())
        {
            var leadIn = units.LastOrDefault(u => u.Order < item.Order && !u.IsListItem);
            if (leadIn is { EndsWithColon: true } && !chosen.Contains(leadIn) && units.Skip(leadIn.Order + 1).TakeWhile(u => u.Order < item.Order).All(u => u.IsListItem))
            {
                chosen.Add(leadIn);
            }
        }

        return Render(chosen.OrderBy(u => u.Order).ToList());
    }

    private static bool IsLabel(PassageUnit unit) => GuideMarkup.ToPlainText(unit.Markdown).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 4;

    private static double Score(PassageUnit unit, GuideQuery query, CorpusStatistics corpus)
    {
        var stems = TextAnalyzer.Tokenize(GuideMarkup.ToPlainText(unit.Markdown)).Select(TextAnalyzer.Stem).ToHashSet(StringComparer.Ordinal);
        double score = 0;
        foreach (var term in query.Terms)
        {
            if (stems.Contains(TextAnalyzer.Stem(term)))
            {
                score += corpus.Idf(term);
            }
            else if (query.Expansions[term].Any(e => stems.Contains(TextAnalyzer.Stem(e))))
            {
                score += corpus.Idf(term) / 2;
            }
        }

        return score;
    }

    private static string Render(IReadOnlyList<PassageUnit> units)
    {
        var sb = new StringBuilder();
        PassageUnit? previous = null;
        foreach (var unit in units)
        {
            if (previous is not null)
            {
                var sameSentenceRun = !unit.IsListItem && !previous.IsListItem && previous.Paragraph == unit.Paragraph && previous.Order + 1 == unit.Order;
                sb.Append(sameSentenceRun ? " " : "\n");
            }

            sb.Append(unit.IsListItem ? "- " : string.Empty).Append(GuideMarkup.InlineToMarkup(unit.Markdown));
            previous = unit;
        }

        return sb.ToString();
    }
}
