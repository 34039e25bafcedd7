namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// A question turned into search terms: <see cref="Terms"/> are the user's content words after spelling correction;
/// <see cref="Expanded"/> adds synonyms. Each term keeps its own expansions for coverage checks.
/// </summary>
public sealed record GuideQuery(IReadOnlyList<string> Terms, IReadOnlyDictionary<string, IReadOnlyList<string>> Expansions)
{
    public IReadOnlyList<string> Expanded =>
        Terms.Concat(Terms.SelectMany(t => Expansions[t])).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Builds the query: content tokens, unknown words corrected against the guide's vocabulary.</summary>
    public static GuideQuery Create(string question, CorpusStatistics corpus) =>
        Create(question, corpus, RankingWeights.Default.Phrases);

    internal static GuideQuery Create(string question, CorpusStatistics corpus, bool phrases)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(corpus);
        var terms = new List<string>();
        var expansions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var tokens = TextAnalyzer.ContentTokens(question);
        if (phrases)
        {
            tokens = [.. tokens, .. Paraphrases.In(question).Where(TextAnalyzer.IsContent)];
        }

        foreach (var raw in tokens)
        {
            var extra = Synonyms.For(raw);
            var term = corpus.IsKnown(raw) || extra.Count > 0 ? raw : corpus.Correct(raw) ?? raw;
            if (!expansions.ContainsKey(term))
            {
                terms.Add(term);
                expansions[term] = extra.Count > 0 ? extra : Synonyms.For(term);
            }
        }

        return new GuideQuery(terms, expansions);
    }

    /// <summary>FTS5 MATCH expression: every term quoted (so user text cannot be FTS syntax), OR-joined.</summary>
    public string ToMatchExpression() =>
        string.Join(" OR ", Expanded.Select(t => $"\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
}
