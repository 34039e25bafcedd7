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
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _embeddingsReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="embedder">Used only when <see cref="KnowledgeOptions.Embeddings"/> is on.</param>
    public GuideIndexProvider(IOptions<KnowledgeOptions> options, ILogger<GuideIndexProvider> logger, ITextEmbedder? embedder = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _time = time ?? TimeProvider.System;
        _index = new Lazy<Task<GuideIndex>>(() => BuildAsync(o, logger, o.Embeddings ? embedder : null));
    }

    public Task<GuideIndex> GetAsync(CancellationToken cancellationToken) => _index.Value.WaitAsync(cancellationToken);

    /// <summary>Completes when semantic re-ranking is ready, or at once when it is off or failed (for tests and benchmarks).</summary>
    public async Task WhenEmbeddingsReadyAsync(CancellationToken cancellationToken)
    {
        await GetAsync(cancellationToken);
        await _embeddingsReady.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        if (_index.IsValueCreated && _index.Value.IsCompletedSuccessfully)
        {
            _index.Value.Result.Dispose();
        }
    }

    private async Task<GuideIndex> BuildAsync(KnowledgeOptions options, ILogger logger, ITextEmbedder? embedder)
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
        if (embedder is null)
        {
            _embeddingsReady.TrySetResult();
        }
        else
        {
            // Model load and embedding take seconds of CPU: in the background, so the host is ready at once and answers
            // with BM25 alone until the vectors are there.
            // Started after a short delay so the model load does not compete with the host's own start-up and first replies.
            _ = Task.Run(async () =>
            {
                await DelayAsync(TimeSpan.FromSeconds(options.EmbeddingStartDelaySeconds));
                AttachEmbeddings(index, embedder, options.ResolveEmbeddingCachePath(), logger);
            }, CancellationToken.None);
        }

        return index;
    }

    private async Task DelayAsync(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero) return;
        try
        {
            await Task.Delay(delay, _time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Host stopping: AttachEmbeddings sees the cancelled token and gives up.
        }
    }

    private void AttachEmbeddings(GuideIndex index, ITextEmbedder embedder, string? cachePath, ILogger logger)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var cache = EmbeddingCache.Load(cachePath);
            var embeddings = index.AttachEmbeddings(embedder, cache, _stopping.Token);
            if (embeddings.CachedCount < embeddings.PassageCount)
            {
                EmbeddingCache.TrySave(cachePath, cache);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            LogEmbedded(logger, embeddings.PassageCount, embeddings.CachedCount, elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException)
        {
            // Host stopping.
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or TypeInitializationException or DllNotFoundException or BadImageFormatException)
        {
            LogEmbeddingFailed(logger, ex.GetType().Name);
        }
        finally
        {
            _embeddingsReady.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Semantic re-ranking unavailable ({Error}); answering with BM25 alone.")]
    private static partial void LogEmbeddingFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No guide sections found under {Folder}; every question will be answered as not covered. Check SmartPick:Knowledge:GuidePath.")]
    private static partial void LogEmptyGuide(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Semantic re-ranking ready: {Passages} passages ({Cached} from the cache) in {Milliseconds:F0} ms")]
    private static partial void LogEmbedded(ILogger logger, int passages, int cached, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guide index built: {Sections} sections from {Files} files")]
    private static partial void LogIndexBuilt(ILogger logger, int sections, int files);
}
