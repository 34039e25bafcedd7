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
    public async Task RetrieveAsync_ShortFormForATwoWordName_MatchesTheWholeNameNotOneOfItsWords()
    {
        // "em" is Emergency Medicine: a heading naming Internal Medicine shares "medicine" but is not the answer.
        _guide.Write("signals.md", """
            # Program signals

            ## Internal Medicine signals {#im-signals}

            Internal Medicine applicants get gold and silver signals.

            ## How many signals each specialty gets {#signal-counts}

            - Emergency Medicine: 5 signals.
            - Pediatrics: 5 signals.
            """);

        var result = await Answerers.Retriever(_guide.Root).RetrieveAsync("em signals", CancellationToken.None);

        Assert.Equal("guide/signals.md#signal-counts", result.Hits[0].Section.Reference);
    }

    [Fact]
    public async Task RetrieveAsync_QuestionInTheWordsOfTheSectionId_FindsTheSection()
    {
        _guide.Write("usce.md", """
            # Clinical experience

            ## Making the most of a rotation {#performing-on-rotation}

            Arrive early, read about your patients and be reliable.

            ## Where to find a rotation {#finding-rotations}

            Hospitals list rotation openings on their websites; ask past rotation students which rotation taught them most.
            """);

        var result = await Answerers.Retriever(_guide.Root).RetrieveAsync("performing on rotation", CancellationToken.None);

        Assert.Equal("guide/usce.md#performing-on-rotation", result.Hits[0].Section.Reference);
    }

    [Theory]
    [InlineData("How do I register for the PLAB exam?")]
    [InlineData("how long is a residency in France")]
    [InlineData("H-1B visa lottery odds for software engineers")]
    public async Task RetrieveAsync_NearDomainQuestionAboutSomethingElse_IsNotCovered(string question)
    {
        var result = await Answerers.Retriever(_guide.Root).RetrieveAsync(question, CancellationToken.None);

        Assert.False(result.Covered);
    }

    [Fact]
    public async Task RetrieveAsync_MissingGuideFolder_AnswersNothingWithoutThrowing()
    {
        var result = await Answerers.Retriever(Path.Combine(_guide.Root, "nope")).RetrieveAsync("h1b", CancellationToken.None);

        Assert.False(result.Covered);
        Assert.Empty(result.Hits);
    }
}
