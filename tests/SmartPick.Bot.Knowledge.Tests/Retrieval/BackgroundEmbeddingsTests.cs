using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Knowledge.Retrieval.Embeddings;
using SmartPick.Bot.Knowledge.Tests.Support;

namespace SmartPick.Bot.Knowledge.Tests.Retrieval;

public sealed class BackgroundEmbeddingsTests : IDisposable
{
    private readonly FixtureGuide _guide = new();
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "smartpick-emb-" + Guid.NewGuid().ToString("N") + ".bin");

    public void Dispose()
    {
        _guide.Dispose();
        File.Delete(_cache);
    }

    [Fact]
    public async Task RetrieveAsync_BeforeTheModelIsReady_AnswersWithBm25AndRerankingStartsOnceReady()
    {
        using var embedder = new GatedEmbedder();
        var retriever = Answerers.Retriever(new KnowledgeOptions { GuidePath = _guide.Root, Embeddings = true, EmbeddingStartDelaySeconds = 0, EmbeddingCachePath = _cache }, embedder);

        var early = await retriever.RetrieveAsync("Do I need step 3 for an h1b?", CancellationToken.None);
        embedder.Release();
        await retriever.WhenEmbeddingsReadyAsync(CancellationToken.None);
        var late = await retriever.RetrieveAsync("Do I need step 3 for an h1b?", CancellationToken.None);

        Assert.True(early.Covered);
        Assert.Equal("guide/visas.md#h1b-and-step3", early.Hits[0].Section.Reference);
        Assert.Equal(0, embedder.QuestionsEmbeddedBeforeRelease);
        Assert.Equal(1, embedder.QuestionsEmbedded); // only the question asked after the model was ready
        Assert.True(late.Covered);
    }

    [Fact]
    public async Task Restart_WithUnchangedGuide_ReusesCachedVectorsInsteadOfEmbeddingAgain()
    {
        var options = new KnowledgeOptions { GuidePath = _guide.Root, Embeddings = true, EmbeddingStartDelaySeconds = 0, EmbeddingCachePath = _cache };
        using var first = new GatedEmbedder();
        first.Release();
        await Answerers.Retriever(options, first).WhenEmbeddingsReadyAsync(CancellationToken.None);

        using var second = new GatedEmbedder();
        second.Release();
        await Answerers.Retriever(options, second).WhenEmbeddingsReadyAsync(CancellationToken.None);

        Assert.True(first.PassagesEmbedded > 0);
        Assert.Equal(0, second.PassagesEmbedded);
    }

    [Fact]
    public async Task ModelLoad_WaitsForTheStartDelay()
    {
        var time = new FakeTimeProvider();
        using var embedder = new GatedEmbedder();
        embedder.Release();
        var options = new KnowledgeOptions { GuidePath = _guide.Root, Embeddings = true, EmbeddingStartDelaySeconds = 5, EmbeddingCachePath = _cache };
        var retriever = Answerers.Retriever(options, embedder, time);

        await retriever.RetrieveAsync("h1b", CancellationToken.None);
        var embeddedBeforeDelay = embedder.PassagesEmbedded;
        var ready = retriever.WhenEmbeddingsReadyAsync(CancellationToken.None);
        for (var i = 0; i < 3000 && !ready.IsCompleted; i++)
        {
            // The background task registers its delay on its own schedule: keep the fake clock moving until it fires.
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        await ready;

        Assert.Equal(0, embeddedBeforeDelay);
        Assert.True(embedder.PassagesEmbedded > 0);
    }

    [Fact]
    public void Cache_UnreadableFile_IsIgnored()
    {
        File.WriteAllText(_cache, "not a cache");

        Assert.Empty(EmbeddingCache.Load(_cache));
    }

    /// <summary>Deterministic unit vectors (like the real model's output shape); section embedding waits for Release.</summary>
    private sealed class GatedEmbedder : ITextEmbedder, IDisposable
    {
        private readonly ManualResetEventSlim _gate = new();
        private bool _released;

        public int PassagesEmbedded { get; private set; }

        public int QuestionsEmbedded { get; private set; }

        public int QuestionsEmbeddedBeforeRelease { get; private set; }

        public void Release()
        {
            _released = true;
            _gate.Set();
        }

        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            if (texts.Count == 1 && !texts[0].Contains("):", StringComparison.Ordinal))
            {
                QuestionsEmbedded += texts[0].Contains("h1b", StringComparison.Ordinal) ? 1 : 0;
                QuestionsEmbeddedBeforeRelease += _released ? 0 : 1;
            }
            else
            {
                _gate.Wait(cancellationToken);
                PassagesEmbedded += texts.Count;
            }

            return texts.Select(Vector).ToList();
        }

        private static float[] Vector(string text)
        {
            var v = new float[8];
            foreach (var c in text) v[c % 8] += 1;
            var norm = (float)Math.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / Math.Max(norm, 1e-6f)).ToArray();
        }

        public void Dispose() => _gate.Dispose();
    }
}
