using Microsoft.Extensions.Logging.Abstractions;
using SmartPick.Bot.Knowledge.Answering;
using SmartPick.Bot.Knowledge.Retrieval;
using SmartPick.Bot.Knowledge.Retrieval.Embeddings;

namespace SmartPick.Bot.Knowledge.Tests.Support;

internal static class Answerers
{
    /// <summary>BM25 only: tests that want the MiniLM re-rank switch it on themselves.</summary>
    public static KnowledgeOptions Options(string knowledgeRoot) => new() { GuidePath = knowledgeRoot, Embeddings = false };

    public static GuideRetriever Retriever(string knowledgeRoot) => Retriever(Options(knowledgeRoot));

    public static GuideRetriever Retriever(KnowledgeOptions options, ITextEmbedder? embedder = null, TimeProvider? time = null)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        return new GuideRetriever(new GuideIndexProvider(wrapped, NullLogger<GuideIndexProvider>.Instance, embedder, time), wrapped);
    }

    public static RetrievalGuideAnswerer Extractive(string knowledgeRoot) => Extractive(Options(knowledgeRoot));

    public static RetrievalGuideAnswerer Extractive(KnowledgeOptions options) => Extractive(Retriever(options), options);

    public static RetrievalGuideAnswerer Extractive(GuideRetriever retriever, KnowledgeOptions options)
    {
        return new RetrievalGuideAnswerer(retriever, Microsoft.Extensions.Options.Options.Create(options), new TimelineAnswer(KnowledgeHostingExtensions.LoadTimeline(options), Clock));
    }

    /// <summary>The evaluation's "today": 4 December 2026, inside the 2026-27 cycle.</summary>
    public static TimeProvider Clock { get; } = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The real guide, built once per test run (it is read-only).</summary>
    public static Lazy<RetrievalGuideAnswerer> RealGuide { get; } = new(() => Extractive(TestPaths.Knowledge));

    public static Lazy<GuideRetriever> RealRetriever { get; } = new(() => Retriever(TestPaths.Knowledge));

    /// <summary>The real MiniLM model, loaded once per test run and shared (it is stateless between calls).</summary>
    public static Lazy<MiniLmEmbedder> MiniLm { get; } = new(() => new MiniLmEmbedder());

    /// <summary>The real guide as the host answers once the background MiniLM re-rank is ready (the default).</summary>
    public static Lazy<Task<RetrievalGuideAnswerer>> RealGuideReranked { get; } = new(async () =>
    {
        var options = new KnowledgeOptions { GuidePath = TestPaths.Knowledge, Embeddings = true, EmbeddingStartDelaySeconds = 0, EmbeddingCachePath = "" };
        var retriever = Retriever(options, MiniLm.Value);
        await retriever.WhenEmbeddingsReadyAsync(CancellationToken.None);
        return Extractive(retriever, options);
    });
}
