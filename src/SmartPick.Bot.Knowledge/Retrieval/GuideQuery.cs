using SmartPick.Bot.Knowledge.Retrieval.Spelling;

namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// A question turned into search terms: <see cref="Terms"/> are the user's content words after spelling correction;
/// <see cref="Expanded"/> adds synonyms. Each term keeps its own expansions. <see cref="Corrected"/> holds the terms
/// that came from a spelling correction (they weigh less than typed words).
/// </summary>
public sealed record GuideQuery(IReadOnlyList<string> Terms, IReadOnlyDictionary<string, IReadOnlyList<string>> Expansions)
{
    public IReadOnlySet<string> Corrected { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlyList<string> Expanded =>
        Terms.Concat(Terms.SelectMany(t => Expansions[t])).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Builds the query: content tokens, non-words corrected against the guide's vocabulary.</summary>
    public static GuideQuery Create(string question, CorpusStatistics corpus) =>
        Create(question, corpus, RankingWeights.Default.Phrases);

    internal static GuideQuery Create(string question, CorpusStatistics corpus, bool phrases)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(corpus);
        var terms = new List<string>();
        var corrected = new HashSet<string>(StringComparer.Ordinal);
        var expansions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var tokens = TextAnalyzer.ContentTokens(question);
        if (phrases)
        {
            tokens = [.. tokens, .. Paraphrases.In(question).Where(TextAnalyzer.IsContent)];
        }

        foreach (var raw in tokens)
        {
            var extra = Synonyms.For(raw);
            var term = raw;
            // Only a non-word is a typo: "rent" or "fees" are English and stay as typed, even if the guide never uses them.
            if (extra.Count == 0 && !raw.Contains(' ', StringComparison.Ordinal) && !corpus.IsKnown(raw) && !EnglishWords.Contains(raw) && corpus.Correct(raw) is { } fix && TextAnalyzer.IsContent(fix))
            {
                term = fix;
                corrected.Add(fix);
            }

            if (!expansions.ContainsKey(term))
            {
                terms.Add(term);
                expansions[term] = extra.Count > 0 ? extra : Synonyms.For(term);
            }
            else
            {
                corrected.Remove(term);
            }
        }

        return new GuideQuery(terms, expansions) { Corrected = corrected };
    }

    /// <summary>FTS5 MATCH expression: every term quoted (so user text cannot be FTS syntax), OR-joined.</summary>
    public string ToMatchExpression() =>
        string.Join(" OR ", Expanded.Select(t => $"\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
}
