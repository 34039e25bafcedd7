namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// Re-ranks the bm25 candidates: score = bm25 relative to the best candidate + weighted shares of the question's
/// words (IDF-weighted) found in the heading, the title, the whole section, one sentence of it, and among the words
/// that tell the section apart from its siblings.
/// </summary>
internal static class SectionRanker
{
    public static IReadOnlyList<GuideHit> Rerank(GuideQuery query, IReadOnlyList<GuideHit> candidates, CorpusStatistics corpus, RankingWeights weights, string question = "")
    {
        if (candidates.Count == 0)
        {
            return candidates;
        }

        var terms = RankTerm.From(query, corpus, weights);
        var cues = weights.QuestionCue > 0 ? QuestionCues(question) : [];
        var best = Math.Max(candidates[0].Score, 1e-6);
        var ranked = new List<GuideHit>(candidates.Count);
        foreach (var hit in candidates)
        {
            var s = hit.Section;
            var score = hit.Score / best;
            score += weights.HeadingShare * RankTerm.Share(terms, stem => corpus.HeadingContainsStem(s, stem), weights.ExpansionCredit);
            score += weights.TitleShare * RankTerm.Share(terms, stem => corpus.TitleContainsStem(s, stem), weights.ExpansionCredit);
            score += weights.BodyShare * RankTerm.Share(terms, stem => corpus.SectionContainsStem(s.Reference, stem), weights.ExpansionCredit);
            if (weights.PassageShare > 0)
            {
                score += weights.PassageShare * BestPassage(terms, s, corpus, weights.ExpansionCredit);
            }

            if (weights.QuestionCue > 0 && cues.Count > 0 && cues.Any(c => c.All(word => corpus.HeadingWords(s).Contains(word))))
            {
                score += weights.QuestionCue;
            }

            if (weights.SiblingShare > 0)
            {
                score += weights.SiblingShare * Distinctive(terms, s, corpus, weights.ExpansionCredit);
            }

            ranked.Add(hit with { Score = Math.Round(score, 4, MidpointRounding.AwayFromZero) });
        }

        return ranked.OrderByDescending(h => h.Score).ToList();
    }

    private static readonly string[][] Cues = [["why"], ["when"], ["where"], ["which"], ["how", "many"], ["how", "much"], ["how", "to"]];

    /// <summary>
    /// The kind of question asked ("why", "how many", "how to"...), matched against headings phrased the same way:
    /// these words are stop words for search but say which of several sections on a topic answers.
    /// </summary>
    private static List<string[]> QuestionCues(string question)
    {
        var words = TextAnalyzer.Tokenize(question).ToList();
        var found = new List<string[]>();
        foreach (var cue in Cues)
        {
            for (var i = 0; i + cue.Length <= words.Count; i++)
            {
                if (cue.Select((w, j) => w == words[i + j]).All(x => x))
                {
                    found.Add(cue);
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Best share of the question's words in one sentence or list item, the heading's words counting too.</summary>
    private static double BestPassage(IReadOnlyList<RankTerm> terms, Guide.GuideSection section, CorpusStatistics corpus, double expansionCredit)
    {
        double best = 0;
        foreach (var passage in corpus.PassageStems(section))
        {
            best = Math.Max(best, RankTerm.Share(terms, stem => passage.Contains(stem) || corpus.HeadingContainsStem(section, stem), expansionCredit));
        }

        return best;
    }

    /// <summary>
    /// Share of the question's words in the section, each weighted by its IDF among the sections of the same file:
    /// words every sibling has count for little, words only this section has count most.
    /// </summary>
    private static double Distinctive(IReadOnlyList<RankTerm> terms, Guide.GuideSection section, CorpusStatistics corpus, double expansionCredit)
    {
        var siblings = corpus.Siblings(section);
        var n = siblings.Count;
        if (n < 2)
        {
            return 0;
        }

        double total = 0, matched = 0;
        foreach (var term in terms)
        {
            var localDf = siblings.Count(r => term.Matches(stem => corpus.SectionContainsStem(r, stem)) > 0);
            if (localDf == 0)
            {
                continue;
            }

            var weight = term.Weight * Math.Log(1 + ((n - localDf + 0.5) / (localDf + 0.5)));
            total += weight;
            var credit = term.Matches(stem => corpus.SectionContainsStem(section.Reference, stem));
            matched += weight * (credit == 1 ? 1 : credit > 0 ? expansionCredit : 0);
        }

        return total == 0 ? 0 : matched / total;
    }
}

/// <summary>A question word prepared for ranking: its weight (IDF), its stem (and word family) and its synonyms' stems.</summary>
internal sealed record RankTerm(double Weight, IReadOnlyList<string> Stems, IReadOnlyList<string> ExpansionStems)
{
    public static IReadOnlyList<RankTerm> From(GuideQuery query, CorpusStatistics corpus, RankingWeights weights)
    {
        var terms = new List<RankTerm>(query.Terms.Count);
        // Numbers (scores, years) say nothing about the topic.
        foreach (var term in query.Terms.Where(t => !t.All(char.IsDigit)))
        {
            var expansions = query.Expansions[term];
            if (weights.RankKnownWordsOnly && !corpus.IsKnown(term) && !expansions.Any(corpus.IsKnown))
            {
                continue;
            }

            var stem = TextAnalyzer.Stem(term);
            terms.Add(new RankTerm(corpus.Idf(term), weights.WordFamilies ? corpus.WordFamily(stem) : [stem], expansions.Select(TextAnalyzer.Stem).ToList()));
        }

        return terms;
    }

    /// <summary>1 when the word itself matches, 2 when only a synonym does, 0 otherwise.</summary>
    public int Matches(Func<string, bool> contains) =>
        Stems.Any(contains) ? 1 : ExpansionStems.Any(contains) ? 2 : 0;

    public static double Share(IReadOnlyList<RankTerm> terms, Func<string, bool> contains, double expansionCredit)
    {
        double total = 0, matched = 0;
        foreach (var term in terms)
        {
            total += term.Weight;
            var m = term.Matches(contains);
            matched += m == 1 ? term.Weight : m == 2 ? term.Weight * expansionCredit : 0;
        }

        return total == 0 ? 0 : matched / total;
    }
}
