using Microsoft.Extensions.Options;
using SmartPick.Bot.Knowledge.Guide;
using SmartPick.Bot.Knowledge.Retrieval.Embeddings;

namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// Question in, ranked sections out, plus the verdict whether the guide answers it. FTS5 bm25 picks candidates;
/// a re-rank then rewards sections whose heading and title contain the question's words, because bm25 alone lets
/// one rare incidental word outweigh a heading that names the topic.
/// </summary>
public sealed class GuideRetriever(GuideIndexProvider indexProvider, IOptions<KnowledgeOptions> options)
{
    private const int Candidates = 30;
    private const int CoverageDepth = 3;

    public Task<RetrievalResult> RetrieveAsync(string question, CancellationToken cancellationToken) =>
        RetrieveAsync(question, RankingWeights.Default, cancellationToken);

    internal async Task<RetrievalResult> RetrieveAsync(string question, RankingWeights weights, CancellationToken cancellationToken)
    {
        var index = await indexProvider.GetAsync(cancellationToken);
        var query = GuideQuery.Create(question, index.Corpus, weights.Phrases);
        var candidates = await index.SearchAsync(query, Candidates, weights.Bm25Expression, cancellationToken);
        var hits = SectionRanker.Rerank(query, candidates, index.Corpus, weights);
        // The "does the guide cover this" verdict stays lexical (measured: judging it on the re-ranked top 3 lets
        // off-topic questions through, because similar-sounding sections rise).
        var coverage = hits.Count == 0 ? 0 : Coverage(query, hits.Take(CoverageDepth).Select(h => h.Section).ToList(), index.Corpus);
        if (index.Embeddings is { } embeddings && hits.Count > 1)
        {
            var o = options.Value;
            hits = SemanticRerank.Apply(hits, embeddings, embeddings.EmbedQuestion(question, cancellationToken), o.EmbeddingCandidates, o.EmbeddingWeight);
        }

        return new RetrievalResult(query, hits, coverage >= options.Value.MinCoverage && hits.Count > 0, coverage, index.Corpus);
    }

    /// <summary>Final score = bm25 relative to the best candidate + weighted word shares (see <see cref="SectionRanker"/>).</summary>
    public static IReadOnlyList<GuideHit> Rerank(GuideQuery query, IReadOnlyList<GuideHit> candidates, CorpusStatistics corpus)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(corpus);
        return SectionRanker.Rerank(query, candidates, corpus, RankingWeights.Default);
    }

    /// <summary>
    /// IDF-weighted share of the question's words found in the given sections (a word counts when it or one of its
    /// synonyms appears). Words the guide never uses weigh most, so "best pizza in Los Angeles" is not covered even
    /// though "Los Angeles" appears in the guide.
    /// </summary>
    public static double Coverage(GuideQuery query, IReadOnlyList<GuideSection> sections, CorpusStatistics corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return Share(query, corpus, t => sections.Any(s => corpus.SectionContains(s, t)));
    }

    private static double Share(GuideQuery query, CorpusStatistics corpus, Func<string, bool> contains)
    {
        double total = 0, matched = 0;
        // Numbers (scores, years) say nothing about the topic: a 209 the guide never mentions is not off-topic.
        foreach (var term in query.Terms.Where(t => !t.All(char.IsDigit)))
        {
            var weight = corpus.Idf(term);
            total += weight;
            if (contains(term) || query.Expansions[term].Any(contains))
            {
                matched += weight;
            }
        }

        return total == 0 ? 0 : matched / total;
    }
}

/// <summary>Outcome of retrieval; <see cref="Covered"/> false means the guide does not answer the question.</summary>
public sealed record RetrievalResult(GuideQuery Query, IReadOnlyList<GuideHit> Hits, bool Covered, double Coverage, CorpusStatistics Corpus);
