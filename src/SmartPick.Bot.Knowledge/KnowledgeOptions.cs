using System.ComponentModel.DataAnnotations;

namespace SmartPick.Bot.Knowledge;

/// <summary>Where the guide lives and how it is indexed (section <c>SmartPick:Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "SmartPick:Knowledge";

    /// <summary>The knowledge folder (holding <c>guide/*.md</c>); relative paths resolve from the app's base directory.</summary>
    [Required]
    public string GuidePath { get; set; } = "knowledge";

    /// <summary>Prompt directories for Semantic Kernel; relative paths resolve from the app's base directory.</summary>
    [Required]
    public string PromptsPath { get; set; } = "prompts";

    /// <summary>
    /// SQLite database for the FTS5 index. Default: a private in-memory database. The index is derived data rebuilt
    /// from the markdown at every start in milliseconds, so a file would only add staleness and write contention
    /// with the storage database; set a file here only to inspect the index.
    /// </summary>
    [Required]
    public string IndexConnectionString { get; set; } = "Data Source=:memory:";

    /// <summary>Sections cited per answer at most.</summary>
    [Range(1, 10)]
    public int MaxCitations { get; set; } = 3;

    /// <summary>
    /// Domain evidence (IDF weight, at least 1 each, of the question's words that name a guide topic; a corrected word counts half) a question needs to be answered;
    /// below this the answer is "the guide does not cover this". Calibrated on the tuning half of the evaluation sets.
    /// </summary>
    [Range(0.0, 20.0)]
    public double MinDomainEvidence { get; set; } = 1.0;

    /// <summary>
    /// Re-rank the lexical candidates with MiniLM sentence embeddings (<c>SmartPick:Knowledge:Embeddings</c>). On by
    /// default: the model loads in the background (BM25 alone answers until it is ready, section vectors are cached by
    /// content hash), so start-up is not delayed; it lifts the chat-style key-fact rate (see EmbeddingEvaluationTests).
    /// </summary>
    public bool Embeddings { get; set; } = true;

    /// <summary>
    /// File caching the guide's passage vectors by content hash, so a restart only embeds changed passages; relative
    /// paths resolve from the temp folder. Empty: no cache.
    /// </summary>
    public string EmbeddingCachePath { get; set; } = Path.Combine("smartpick", "guide-embeddings.bin");

    public string? ResolveEmbeddingCachePath() =>
        string.IsNullOrEmpty(EmbeddingCachePath) ? null
        : Path.IsPathRooted(EmbeddingCachePath) ? EmbeddingCachePath : Path.Combine(Path.GetTempPath(), EmbeddingCachePath);

    /// <summary>Seconds after the index is built before the model starts loading (keeps start-up and first replies fast).</summary>
    [Range(0, 600)]
    public int EmbeddingStartDelaySeconds { get; set; } = 5;

    /// <summary>How many of the lexical ranking's best sections the embeddings may reorder.</summary>
    [Range(2, 50)]
    public int EmbeddingCandidates { get; set; } = 20;

    /// <summary>Share of the final score that comes from cosine similarity (the rest from the lexical score).</summary>
    [Range(0.0, 1.0)]
    public double EmbeddingWeight { get; set; } = 0.5;

    public string ResolveGuidePath() => Resolve(GuidePath);

    public string ResolvePromptsPath() => Resolve(PromptsPath);

    private static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}
