namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// Re-ranks the bm25 candidates: score = bm25 relative to the best candidate + weighted shares of the question's
/// words (IDF-weighted) found in the heading, the title and the whole section.
/// </summary>
internal static class SectionRanker
{
    public static IReadOnlyList<GuideHit> Rerank(GuideQuery query, IReadOnlyList<GuideHit> candidates, CorpusStatistics corpus, RankingWeights weights)
    {
        if (candidates.Count == 0)
        {
            return candidates;
        }

        var terms = RankTerm.From(query, corpus);
        var best = Math.Max(candidates[0].Score, 1e-6);
        var ranked = new List<GuideHit>(candidates.Count);
        foreach (var hit in candidates)
        {
            var s = hit.Section;
            var score = hit.Score / best;
            score += weights.HeadingShare * RankTerm.Share(terms, stem => corpus.HeadingContainsStem(s, stem));
            score += weights.TitleShare * RankTerm.Share(terms, stem => corpus.TitleContainsStem(s, stem));
            score += weights.BodyShare * RankTerm.Share(terms, stem => corpus.SectionContainsStem(s.Reference, stem));
            ranked.Add(hit with { Score = Math.Round(score, 4, MidpointRounding.AwayFromZero) });
        }

        return ranked.OrderByDescending(h => h.Score).ToList();
    }
}

/// <summary>
/// A question word prepared for ranking: its weight (IDF) and the stems of itself and each synonym. A phrase ("emergency
/// medicine" for "em") matches only where all its words are: "medicine" alone must not make an Internal Medicine
/// heading look like an answer about Emergency Medicine.
/// </summary>
internal sealed record RankTerm(double Weight, IReadOnlyList<IReadOnlyList<string>> Alternatives)
{
    /// <summary>A word the user did not type (a spelling correction) counts half.</summary>
    private const double CorrectedWeight = 0.5;

    public static IReadOnlyList<RankTerm> From(GuideQuery query, CorpusStatistics corpus)
    {
        var terms = new List<RankTerm>(query.Terms.Count);
        // Numbers (scores, years) say nothing about the topic.
        foreach (var term in query.Terms.Where(t => !t.All(char.IsDigit)))
        {
            var alternatives = new[] { term }.Concat(query.Expansions[term]).Select(TextAnalyzer.Stems).ToList();
            terms.Add(new RankTerm(corpus.Idf(term) * (query.Corrected.Contains(term) ? CorrectedWeight : 1), alternatives));
        }

        return terms;
    }

    /// <summary>IDF-weighted share of the terms found (a term counts when it or one of its synonyms is found whole).</summary>
    public static double Share(IReadOnlyList<RankTerm> terms, Func<string, bool> contains)
    {
        double total = 0, matched = 0;
        foreach (var term in terms)
        {
            total += term.Weight;
            if (term.Alternatives.Any(stems => stems.All(contains)))
            {
                matched += term.Weight;
            }
        }

        return total == 0 ? 0 : matched / total;
    }
}
