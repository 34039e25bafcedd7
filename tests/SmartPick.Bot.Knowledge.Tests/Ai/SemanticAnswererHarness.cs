using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Bot.Knowledge.Ai;
using SmartPick.Bot.Knowledge.Tests.Support;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SmartPick.Bot.Knowledge.Tests.Ai;

/// <summary>A SemanticGuideAnswerer wired to the fixture guide, the real prompts and a given endpoint.</summary>
internal sealed class SemanticAnswererHarness : IDisposable
{
    public const string ApiKey = "sk-test-SECRET-123";

    private readonly GuideChat _chat;

    public SemanticAnswererHarness(FixtureGuide guide, Uri endpoint, int timeoutSeconds = 30, IRankingAdvisor? advisor = null)
    {
        var knowledge = new KnowledgeOptions { GuidePath = guide.Root, PromptsPath = TestPaths.Prompts };
        var ai = new AiOptions { Provider = AiProvider.OpenAI, Endpoint = endpoint, Model = "test-model", ApiKey = ApiKey, TimeoutSeconds = timeoutSeconds };
        _chat = new GuideChat(MsOptions.Create(ai), MsOptions.Create(knowledge), NullLoggerFactory.Instance);
        Answerer = new SemanticGuideAnswerer(Answerers.Retriever(knowledge), _chat, MsOptions.Create(knowledge), MsOptions.Create(ai), Time, Logger, advisor);
        Extractive = Answerers.Extractive(guide.Root);
    }

    public FakeTimeProvider Time { get; } = new();

    public FakeLogger<SemanticGuideAnswerer> Logger { get; } = new();

    public SemanticGuideAnswerer Answerer { get; }

    public SmartPick.Bot.Knowledge.Answering.RetrievalGuideAnswerer Extractive { get; }

    public void Dispose() => _chat.Dispose();
}
