namespace SmartPick.Bot.Knowledge.Retrieval.Embeddings;

/// <summary>
/// Reorders the lexical ranking's top candidates by a blend of lexical score (relative to the best candidate) and
/// cosine similarity to the question. Sections the lexical search did not find stay out: embeddings re-rank, they
/// do not retrieve, so an off-topic question cannot pull in a merely similar-sounding section.
/// </summary>
public static class SemanticRerank
{
    public static IReadOnlyList<GuideHit> Apply(IReadOnlyList<GuideHit> hits, SectionEmbeddings embeddings, float[] question, int candidates, double weight)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (hits.Count == 0)
        {
            return hits;
        }

        var best = Math.Max(hits[0].Score, 1e-6);
        var head = hits.Take(candidates)
            .Select(h => h with
            {
                Score = Math.Round(((1 - weight) * (h.Score / best)) + (weight * embeddings.Similarity(h.Section, question)), 4, MidpointRounding.AwayFromZero),
            })
            .OrderByDescending(h => h.Score)
            .ToList();
        var floor = head[^1].Score;

        // The rest keep their order below the re-ranked head (scores scaled under its lowest).
        return head.Concat(hits.Skip(candidates).Select(h => h with { Score = Math.Round(Math.Min(floor, 1 - weight) * h.Score / best, 4, MidpointRounding.AwayFromZero) })).ToList();
    }
}
