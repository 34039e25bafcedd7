using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Knowledge.Retrieval;

namespace SmartPick.Bot.Benchmarks.Bot;

/// <summary>
/// One guide question answered by the IGuideAnswerer that AddKnowledge registers over the real knowledge/ folder
/// (retrieval-only, no LLM): BM25 alone (what answers while the model loads) and BM25 + the MiniLM re-rank (the
/// default once the background model load is done; the setup waits for it).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(PercentileConfig))]
public class KnowledgeBenchmarks
{
    public static readonly string[] Questions =
    [
        "How do ERAS signals work?",
        "What is a good Step 2 CK score for internal medicine as an IMG?",
        "Do I need a J-1 or H-1B visa and which programs sponsor them?",
        "How many programs should I apply to?",
        "what are observerships vs externships",
        "When does the Match open and what is SOAP?",
        "How many letters of recommendation do I need?",
        "what is the best pizza in los angeles",
    ];

    private BotFixture _bot = null!;
    private IGuideAnswerer _answerer = null!;
    private int _next;

    [Params(false, true)]
    public bool Rerank { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Environment.SetEnvironmentVariable("SmartPick__Knowledge__Embeddings", Rerank ? "true" : "false");
        Environment.SetEnvironmentVariable("SmartPick__Knowledge__EmbeddingStartDelaySeconds", "0");
        _bot = BotFixture.StartAsync().GetAwaiter().GetResult();
        _bot.Host.Services.GetRequiredService<GuideRetriever>().WhenEmbeddingsReadyAsync(CancellationToken.None).GetAwaiter().GetResult();
        _answerer = _bot.Host.Services.GetRequiredService<IGuideAnswerer>();
    }

    [GlobalCleanup]
    public void Cleanup() => _bot.Dispose();

    /// <summary>The eight questions in turn (seven covered, one out of scope).</summary>
    [Benchmark]
    public Task<GuideAnswer> AnswerQuestion() => _answerer.AnswerAsync(Questions[_next++ % Questions.Length], null, CancellationToken.None);
}
