using Microsoft.Extensions.Logging.Abstractions;
using SmartPick.Bot.Knowledge.Answering;
using SmartPick.Bot.Knowledge.Retrieval;
using SmartPick.Bot.Knowledge.Retrieval.Embeddings;

namespace SmartPick.Bot.Knowledge.Tests.Support;

internal static class Answerers
{
    public static KnowledgeOptions Options(string knowledgeRoot) => new() { GuidePath = knowledgeRoot };

    public static GuideRetriever Retriever(string knowledgeRoot) => Retriever(Options(knowledgeRoot));

    public static GuideRetriever Retriever(KnowledgeOptions options, ITextEmbedder? embedder = null)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        return new GuideRetriever(new GuideIndexProvider(wrapped, NullLogger<GuideIndexProvider>.Instance, embedder), wrapped);
    }

    public static RetrievalGuideAnswerer Extractive(string knowledgeRoot)
    {
        var options = Options(knowledgeRoot);
        return new RetrievalGuideAnswerer(Retriever(options), Microsoft.Extensions.Options.Options.Create(options), new TimelineAnswer(KnowledgeHostingExtensions.LoadTimeline(options), Clock));
    }

    /// <summary>The evaluation's "today": 4 December 2026, inside the 2026-27 cycle.</summary>
    public static TimeProvider Clock { get; } = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The real guide, built once per test run (it is read-only).</summary>
    public static Lazy<RetrievalGuideAnswerer> RealGuide { get; } = new(() => Extractive(TestPaths.Knowledge));

    public static Lazy<GuideRetriever> RealRetriever { get; } = new(() => Retriever(TestPaths.Knowledge));

    /// <summary>The real MiniLM model, loaded once per test run and shared (it is stateless between calls).</summary>
    public static Lazy<MiniLmEmbedder> MiniLm { get; } = new(() => new MiniLmEmbedder());
}
