using SmartPick.Bot.Knowledge.Guide;

namespace SmartPick.Bot.Knowledge.Retrieval.Embeddings;

/// <summary>
/// Sentence vectors of every guide section, computed once when the index is built. A section is embedded as a few
/// passages of at most <see cref="ChunkWords"/> words, each prefixed with the section's heading, because MiniLM
/// reads only the first 256 word pieces of a text; a section's similarity to a question is its best passage's.
/// </summary>
public sealed class SectionEmbeddings
{
    internal const int ChunkWords = 120;

    private readonly Dictionary<string, List<float[]>> _vectors;
    private readonly ITextEmbedder _embedder;

    private SectionEmbeddings(Dictionary<string, List<float[]>> vectors, int passages, ITextEmbedder embedder)
    {
        _vectors = vectors;
        _embedder = embedder;
        PassageCount = passages;
    }

    public int PassageCount { get; }

    /// <summary>Passages whose vectors came from the cache rather than the model.</summary>
    public int CachedCount { get; private init; }

    /// <param name="cache">Vectors by passage hash (see <see cref="EmbeddingCache"/>); passages found there are not embedded
    /// again, and newly embedded ones are added to it.</param>
    public static SectionEmbeddings Build(IReadOnlyList<GuideSection> sections, ITextEmbedder embedder, IDictionary<string, float[]> cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(embedder);
        var owners = new List<string>();
        var texts = new List<string>();
        foreach (var section in sections)
        {
            foreach (var passage in Passages(section))
            {
                owners.Add(section.Reference);
                texts.Add(passage);
            }
        }

        var keys = texts.Select(EmbeddingCache.Key).ToList();
        var missing = Enumerable.Range(0, texts.Count).Where(i => !cache.ContainsKey(keys[i])).ToList();
        var fresh = embedder.Embed(missing.Select(i => texts[i]).ToList(), cancellationToken);
        for (var m = 0; m < missing.Count; m++)
        {
            cache[keys[missing[m]]] = fresh[m];
        }

        var embedded = keys.Select(k => cache[k]).ToList();
        var vectors = new Dictionary<string, List<float[]>>(StringComparer.Ordinal);
        for (var i = 0; i < owners.Count; i++)
        {
            if (!vectors.TryGetValue(owners[i], out var list))
            {
                vectors[owners[i]] = list = [];
            }

            list.Add(embedded[i]);
        }

        return new SectionEmbeddings(vectors, texts.Count, embedder) { CachedCount = texts.Count - missing.Count };
    }

    /// <summary>The question's vector, by the same model as the sections'.</summary>
    public float[] EmbedQuestion(string question, CancellationToken cancellationToken) =>
        _embedder.Embed([question], cancellationToken)[0];

    /// <summary>Best cosine similarity between the question vector and any passage of the section (0 when unknown).</summary>
    public double Similarity(GuideSection section, float[] question)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(question);
        return _vectors.TryGetValue(section.Reference, out var list) ? list.Max(v => Dot(v, question)) : 0;
    }

    internal static IEnumerable<string> Passages(GuideSection section)
    {
        var prefix = $"{section.Heading} ({section.DocumentTitle}): ";
        var words = GuideMarkup.ToPlainText(section.Markdown).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            yield return prefix.TrimEnd(' ', ':');
            yield break;
        }

        // Overlap by a fifth so a sentence cut at a boundary is whole in one of the two passages.
        var step = ChunkWords * 4 / 5;
        for (var start = 0; start < words.Length; start += step)
        {
            yield return prefix + string.Join(' ', words.Skip(start).Take(ChunkWords));
            if (start + ChunkWords >= words.Length)
            {
                yield break;
            }
        }
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
