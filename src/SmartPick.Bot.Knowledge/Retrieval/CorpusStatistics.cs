using SmartPick.Bot.Knowledge.Guide;

namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// In-memory vocabulary of the indexed guide: document frequencies (by light stem) for coverage scoring and the
/// raw word list for spelling correction.
/// </summary>
public sealed class CorpusStatistics
{
    private readonly Dictionary<string, int> _stemFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _wordFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _sectionStems = new(StringComparer.Ordinal);

    public CorpusStatistics(IReadOnlyList<GuideSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        foreach (var section in sections)
        {
            var words = TextAnalyzer.Tokenize(IndexText(section)).ToHashSet(StringComparer.Ordinal);
            var stems = words.Select(TextAnalyzer.Stem).ToHashSet(StringComparer.Ordinal);
            _sectionStems[section.Reference] = stems;
            foreach (var w in words)
            {
                _wordFrequency[w] = _wordFrequency.GetValueOrDefault(w) + 1;
            }

            foreach (var s in stems)
            {
                _stemFrequency[s] = _stemFrequency.GetValueOrDefault(s) + 1;
            }
        }

        SectionCount = sections.Count;
    }

    public int SectionCount { get; }

    /// <summary>Everything about a section that is searchable, as plain text.</summary>
    public static string IndexText(GuideSection section) =>
        $"{section.DocumentTitle}\n{section.Heading}\n{GuideMarkup.ToPlainText(section.Markdown)}";

    public bool IsKnown(string token) =>
        _wordFrequency.ContainsKey(token) || _stemFrequency.ContainsKey(TextAnalyzer.Stem(token));

    /// <summary>BM25-style inverse document frequency; words the guide never uses weigh the most.</summary>
    public double Idf(string token)
    {
        var df = _stemFrequency.GetValueOrDefault(TextAnalyzer.Stem(token));
        return Math.Log(1 + ((SectionCount - df + 0.5) / (df + 0.5)));
    }

    public bool SectionContains(GuideSection section, string token) =>
        _sectionStems.TryGetValue(section.Reference, out var stems) && stems.Contains(TextAnalyzer.Stem(token));

    /// <summary>
    /// Closest guide word within edit distance 1 (2 for words of 8+ letters), most frequent first; null when none.
    /// </summary>
    public string? Correct(string token)
    {
        if (token.Length < 4 || token.Any(char.IsDigit))
        {
            return null;
        }

        var maxDistance = token.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        foreach (var (word, frequency) in _wordFrequency)
        {
            if (Math.Abs(word.Length - token.Length) > maxDistance || word.Length < 3)
            {
                continue;
            }

            var d = EditDistance.DamerauLevenshtein(token, word, maxDistance);
            if (d <= maxDistance && (d < bestDistance || (d == bestDistance && frequency > bestFrequency)))
            {
                (best, bestDistance, bestFrequency) = (word, d, frequency);
            }
        }

        return best;
    }
}
