using Microsoft.Extensions.Options;
using SmartPick.Bot.Knowledge.Guide;

namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>Question in, ranked sections out, plus the verdict whether the best section actually answers it.</summary>
public sealed class GuideRetriever(GuideIndexProvider indexProvider, IOptions<KnowledgeOptions> options)
{
    private const int Candidates = 10;

    public async Task<RetrievalResult> RetrieveAsync(string question, CancellationToken cancellationToken)
    {
        var index = await indexProvider.GetAsync(cancellationToken);
        var query = GuideQuery.Create(question, index.Corpus);
        var hits = await index.SearchAsync(query, Candidates, cancellationToken);
        var coverage = hits.Count == 0 ? 0 : Coverage(query, hits[0].Section, index.Corpus);
        return new RetrievalResult(query, hits, coverage >= options.Value.MinCoverage && hits.Count > 0, coverage, index.Corpus);
    }

    /// <summary>
    /// IDF-weighted share of the question's words found in the section (a word counts when it or one of its synonyms
    /// appears). Words the guide never uses weigh most, so "best pizza in Los Angeles" is not covered even though
    /// "Los Angeles" appears in the guide.
    /// </summary>
    public static double Coverage(GuideQuery query, GuideSection section, CorpusStatistics corpus)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(corpus);
        double total = 0, matched = 0;
        foreach (var term in query.Terms)
        {
            var weight = corpus.Idf(term);
            total += weight;
            if (corpus.SectionContains(section, term) || query.Expansions[term].Any(e => corpus.SectionContains(section, e)))
            {
                matched += weight;
            }
        }

        return total == 0 ? 0 : matched / total;
    }
}

/// <summary>Outcome of retrieval; <see cref="Covered"/> false means the guide does not answer the question.</summary>
public sealed record RetrievalResult(GuideQuery Query, IReadOnlyList<GuideHit> Hits, bool Covered, double Coverage, CorpusStatistics Corpus);
