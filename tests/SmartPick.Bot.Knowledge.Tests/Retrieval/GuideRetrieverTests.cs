using SmartPick.Bot.Knowledge.Tests.Support;

namespace SmartPick.Bot.Knowledge.Tests.Retrieval;

public sealed class GuideRetrieverTests : IDisposable
{
    private readonly FixtureGuide _guide = new();

    public void Dispose() => _guide.Dispose();

    [Theory]
    [InlineData("Do I need step 3 for an h1b?", "guide/visas.md#h1b-and-step3")]
    [InlineData("J1 limit in years", "guide/visas.md#j1-limits")]
    [InlineData("LORs from US physicians?", "guide/letters.md#us-letters")]
    [InlineData("when to request recomendation leters", "guide/letters.md#us-letters")]
    public async Task RetrieveAsync_Question_RanksAnsweringSectionFirst(string question, string expected)
    {
        var result = await Answerers.Retriever(_guide.Root).RetrieveAsync(question, CancellationToken.None);

        Assert.True(result.Covered);
        Assert.Equal(expected, result.Hits[0].Section.Reference);
    }

    [Theory]
    [InlineData("What is the best pizza place near the hospital?")]
    [InlineData("how do I renew my driver's license")]
    [InlineData("?!")]
    [InlineData("")]
    public async Task RetrieveAsync_OffTopicOrEmpty_IsNotCovered(string question)
    {
        var result = await Answerers.Retriever(_guide.Root).RetrieveAsync(question, CancellationToken.None);

        Assert.False(result.Covered);
    }

    [Theory]
    [InlineData("\"h1b\" OR NEAR(x) AND -y*")]
    [InlineData("what is h1b?")]
    [InlineData("H-1B: step3 (required)")]
    public async Task RetrieveAsync_FtsSyntaxInQuestion_IsTreatedAsWords(string question)
    {
        var result = await Answerers.Retriever(_guide.Root).RetrieveAsync(question, CancellationToken.None);

        Assert.Equal("guide/visas.md#h1b-and-step3", result.Hits[0].Section.Reference);
    }

    [Fact]
    public async Task RetrieveAsync_MissingGuideFolder_AnswersNothingWithoutThrowing()
    {
        var result = await Answerers.Retriever(Path.Combine(_guide.Root, "nope")).RetrieveAsync("h1b", CancellationToken.None);

        Assert.False(result.Covered);
        Assert.Empty(result.Hits);
    }
}
