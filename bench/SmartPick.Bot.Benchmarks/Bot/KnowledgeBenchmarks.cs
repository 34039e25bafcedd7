using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Guide;

namespace SmartPick.Bot.Benchmarks.Bot;

/// <summary>
/// One guide question answered by the IGuideAnswerer that AddKnowledge registers over the real knowledge/ folder
/// (BM25 over the FTS5 index, retrieval-only: no LLM, no embeddings configured).
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

    [GlobalSetup]
    public void Setup()
    {
        _bot = BotFixture.StartAsync().GetAwaiter().GetResult();
        _answerer = _bot.Host.Services.GetRequiredService<IGuideAnswerer>();
    }

    [GlobalCleanup]
    public void Cleanup() => _bot.Dispose();

    /// <summary>The eight questions in turn (seven covered, one out of scope).</summary>
    [Benchmark]
    public Task<GuideAnswer> AnswerQuestion() => _answerer.AnswerAsync(Questions[_next++ % Questions.Length], null, CancellationToken.None);
}
