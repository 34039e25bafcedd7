using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Knowledge.Guide;
using SmartPick.Bot.Knowledge.Retrieval.Embeddings;

namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>Builds the index once, on first use (or at start via the warm-up service), and shares it.</summary>
public sealed partial class GuideIndexProvider : IDisposable
{
    private readonly Lazy<Task<GuideIndex>> _index;

    /// <param name="embedder">Used only when <see cref="KnowledgeOptions.Embeddings"/> is on.</param>
    public GuideIndexProvider(IOptions<KnowledgeOptions> options, ILogger<GuideIndexProvider> logger, ITextEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _index = new Lazy<Task<GuideIndex>>(() => BuildAsync(o, logger, o.Embeddings ? embedder : null));
    }

    public Task<GuideIndex> GetAsync(CancellationToken cancellationToken) => _index.Value.WaitAsync(cancellationToken);

    public void Dispose()
    {
        if (_index.IsValueCreated && _index.Value.IsCompletedSuccessfully)
        {
            _index.Value.Result.Dispose();
        }
    }

    private static async Task<GuideIndex> BuildAsync(KnowledgeOptions options, ILogger logger, ITextEmbedder? embedder)
    {
        var root = options.ResolveGuidePath();
        var sections = GuideMarkdownParser.ParseFolder(root);
        if (sections.Count == 0)
        {
            LogEmptyGuide(logger, Path.Combine(root, "guide"));
        }

        var index = await GuideIndex.BuildAsync(sections, options.IndexConnectionString, CancellationToken.None);
        var files = sections.Select(s => s.File).Distinct().Count();
        LogIndexBuilt(logger, sections.Count, files);
        if (embedder is not null)
        {
            var started = Stopwatch.GetTimestamp();
            // CPU-bound for seconds: off the caller's thread so host start-up and the first question stay responsive.
            await Task.Run(() => index.AttachEmbeddings(embedder, CancellationToken.None));
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogEmbedded(logger, index.Embeddings!.PassageCount, elapsed.TotalMilliseconds);
        }

        return index;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No guide sections found under {Folder}; every question will be answered as not covered. Check SmartPick:Knowledge:GuidePath.")]
    private static partial void LogEmptyGuide(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guide sections embedded for semantic re-ranking: {Passages} passages in {Milliseconds:F0} ms")]
    private static partial void LogEmbedded(ILogger logger, int passages, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guide index built: {Sections} sections from {Files} files")]
    private static partial void LogIndexBuilt(ILogger logger, int sections, int files);
}
