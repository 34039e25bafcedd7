using SmartPick.Bot.Knowledge.Guide;
using Microsoft.Extensions.Options;
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

    public Task<RetrievalResult> RetrieveAsync(string question, CancellationToken cancellationToken) =>
        RetrieveAsync(question, RankingWeights.Default, cancellationToken);

    internal async Task<RetrievalResult> RetrieveAsync(string question, RankingWeights weights, CancellationToken cancellationToken)
    {
        var index = await indexProvider.GetAsync(cancellationToken);
        var query = GuideQuery.Create(question, index.Corpus, weights.Phrases);
        var candidates = await index.SearchAsync(query, Candidates, weights.Bm25Expression, cancellationToken);
        var hits = SectionRanker.Rerank(query, candidates, index.Corpus, weights);
        // "Does the guide cover this" is decided by domain evidence, never by the share of words the guide lacks: chat
        // filler, slang and place names must not push a real question out, and an unknown word must not pull one in.
        var evidence = DomainEvidence(query, index.Corpus);
        if (index.Embeddings is { } embeddings && hits.Count > 1)
        {
            var o = options.Value;
            hits = SemanticRerank.Apply(hits, embeddings, embeddings.EmbedQuestion(question, cancellationToken), o.EmbeddingCandidates, o.EmbeddingWeight);
        }

        var covered = evidence >= options.Value.MinDomainEvidence && hits.Count > 0 && Scope.Check(question) == OutOfScope.None;
        return new RetrievalResult(query, hits, covered, evidence, index.Corpus);
    }

    /// <summary>Completes when semantic re-ranking is ready (at once when it is off).</summary>
    public Task WhenEmbeddingsReadyAsync(CancellationToken cancellationToken) => indexProvider.WhenEmbeddingsReadyAsync(cancellationToken);

    /// <summary>The first indexed section that matches, or null.</summary>
    public async Task<GuideSection?> SectionAsync(Func<GuideSection, bool> match, CancellationToken cancellationToken)
    {
        var index = await indexProvider.GetAsync(cancellationToken);
        return index.Sections.FirstOrDefault(match);
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
    /// IDF weight (at least 1 each) of the question's words that name a guide topic: the word or one of its synonyms appears in a section
    /// heading or document title, or it is a domain short form (psych, LoR, PTL...). Numbers add nothing; corrected
    /// words count half. Words the guide never uses neither add nor subtract.
    /// </summary>
    public static double DomainEvidence(GuideQuery query, CorpusStatistics corpus)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(corpus);
        double evidence = 0;
        foreach (var term in query.Terms.Where(t => !t.All(char.IsDigit)))
        {
            var topical = new[] { term }.Concat(query.Expansions[term]).SelectMany(TextAnalyzer.Stems).Any(corpus.IsTopicStem);
            if (topical)
            {
                // Common domain words ("program", "medicine") have a low IDF but are still evidence: each counts at least 1.
                evidence += Math.Max(1, corpus.Idf(term)) * (query.Corrected.Contains(term) ? 0.5 : 1);
            }
        }

        return evidence;
    }
}

/// <summary>Outcome of retrieval; <see cref="Covered"/> false means the guide does not answer the question.</summary>
/// <param name="Evidence">Domain evidence of the question (see <see cref="GuideRetriever.DomainEvidence"/>).</param>
public sealed record RetrievalResult(GuideQuery Query, IReadOnlyList<GuideHit> Hits, bool Covered, double Evidence, CorpusStatistics Corpus);
