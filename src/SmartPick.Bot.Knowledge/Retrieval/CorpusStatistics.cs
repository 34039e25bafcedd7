using SmartPick.Bot.Knowledge.Guide;

namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// In-memory vocabulary of the indexed guide: document frequencies (by light stem), the topic words of headings and titles, and the
/// raw word list for spelling correction.
/// </summary>
public sealed class CorpusStatistics
{
    private readonly Dictionary<string, int> _stemFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _wordFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _sectionStems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _headingStems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _titleStems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _topicStems = new(StringComparer.Ordinal);

    public CorpusStatistics(IReadOnlyList<GuideSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        foreach (var section in sections)
        {
            var words = TextAnalyzer.Tokenize(IndexText(section)).ToHashSet(StringComparer.Ordinal);
            var stems = words.Select(TextAnalyzer.Stem).ToHashSet(StringComparer.Ordinal);
            _sectionStems[section.Reference] = stems;
            _headingStems[section.Reference] = TextAnalyzer.Tokenize(section.Heading).Select(TextAnalyzer.Stem).ToHashSet(StringComparer.Ordinal);
            _titleStems[section.Reference] = TextAnalyzer.Tokenize(section.DocumentTitle).Select(TextAnalyzer.Stem).ToHashSet(StringComparer.Ordinal);
            _topicStems.UnionWith(TextAnalyzer.ContentTokens(section.Heading + " " + section.DocumentTitle).Select(TextAnalyzer.Stem));
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

    /// <summary>BM25-style inverse document frequency; a phrase counts the sections that contain all its words.</summary>
    public double Idf(string token)
    {
        var stems = TextAnalyzer.Stems(token);
        var df = stems.Count == 1
            ? _stemFrequency.GetValueOrDefault(stems[0])
            : _sectionStems.Values.Count(s => stems.All(s.Contains));
        return Math.Log(1 + ((SectionCount - df + 0.5) / (df + 0.5)));
    }

    /// <summary>True when the stem names a guide topic: it occurs in some section heading or document title.</summary>
    public bool IsTopicStem(string stem) => _topicStems.Contains(stem);

    public bool SectionContains(GuideSection section, string token) =>
        _sectionStems.TryGetValue(section.Reference, out var stems) && stems.Contains(TextAnalyzer.Stem(token));

    public bool HeadingContainsStem(GuideSection section, string stem) =>
        _headingStems.TryGetValue(section.Reference, out var stems) && stems.Contains(stem);

    public bool TitleContainsStem(GuideSection section, string stem) =>
        _titleStems.TryGetValue(section.Reference, out var stems) && stems.Contains(stem);

    public bool SectionContainsStem(string reference, string stem) =>
        _sectionStems.TryGetValue(reference, out var stems) && stems.Contains(stem);

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

            // Same-length fixes are substitutions, which turn one real word into another (plab -> plan, taxes -> takes);
            // allow them only for long words or letter swaps. Typos are mostly missing, doubled or swapped letters.
            if (word.Length == token.Length && token.Length < 7 && !IsSwap(token, word))
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

    private static bool IsSwap(string a, string b)
    {
        var diff = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return diff.Count == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]];
    }
}
