using SmartPick.Bot.Knowledge.Tests.Support;

namespace SmartPick.Bot.Knowledge.Tests.Ai;

/// <summary>
/// The answerer asks for whole completions (an answer is sent to chat as one message, so streaming would buy the user
/// nothing). These tests pin that choice and show that a server streaming SSE anyway is handled without an error
/// reaching the user.
/// </summary>
public sealed class StreamingResponseTests : IDisposable
{
    private readonly FixtureGuide _guide = new();

    public void Dispose() => _guide.Dispose();

    [Fact]
    public async Task AnswerAsync_Always_RequestsANonStreamedCompletion()
    {
        // Arrange
        await using var stub = await OpenAiStub.StartAsync((_, _) => StubReply.Text("Programs want Step 3 [guide/visas.md#h1b-and-step3]."));
        using var harness = new SemanticAnswererHarness(_guide, stub.Endpoint);

        // Act
        await harness.Answerer.AnswerAsync("Do I need Step 3 for an H-1B?", null, CancellationToken.None);

        // Assert
        var request = Assert.Single(stub.Requests);
        Assert.NotEqual(true, request["stream"]?.GetValue<bool>());
    }

    [Fact]
    public async Task AnswerAsync_ServerStreamsSseToANonStreamRequest_FallsBackToRetrievalWithOneWarning()
    {
        // Arrange
        await using var stub = await OpenAiStub.StartAsync((_, _) => StubReply.AlwaysStream("Programs want Step 3 passed [guide/visas.md#h1b-and-step3]."));
        using var harness = new SemanticAnswererHarness(_guide, stub.Endpoint);
        const string question = "Do I need Step 3 for an H-1B?";

        // Act
        var answer = await harness.Answerer.AnswerAsync(question, null, CancellationToken.None);

        // Assert
        var expected = await harness.Extractive.AnswerAsync(question, null, CancellationToken.None);
        Assert.Single(stub.Requests);
        Assert.Equal(expected.Answer, answer.Answer);
        Assert.Equal(expected.Citations, answer.Citations);
        var warning = Assert.Single(harness.Logger.Collector.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("answering from retrieval instead", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(question, warning.Message, StringComparison.Ordinal);
    }
}
