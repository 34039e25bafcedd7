using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Knowledge.Answering;
using SmartPick.Bot.Knowledge.Tests.Support;

namespace SmartPick.Bot.Knowledge.Tests.Answering;

public sealed class RetrievalGuideAnswererTests : IDisposable
{
    private readonly FixtureGuide _guide = new();

    public void Dispose() => _guide.Dispose();

    [Fact]
    public async Task AnswerAsync_CoveredQuestion_QuotesRelevantSentencesOnlyAndCitesSection()
    {
        var answer = await Answerers.Extractive(_guide.Root).AnswerAsync("Do I need Step 3 for H-1B?", null, CancellationToken.None);

        Assert.True(answer.Covered);
        Assert.Equal("guide/visas.md#h1b-and-step3", answer.Citations[0].Reference);
        Assert.Equal("H-1B and Step 3", answer.Citations[0].Title);
        Assert.True(answer.Citations[0].Score > 0);
        Assert.Contains("Step 3 passed", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("weather", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_PassageWithLink_KeepsTheLinkValidInMarkup()
    {
        var answer = await Answerers.Extractive(_guide.Root).AnswerAsync("maximum years of training on a J-1", null, CancellationToken.None);

        Assert.Contains(Markup.Parse(answer.Answer), s => s.Url == "https://www.law.cornell.edu/uscode/text/8/1182");
    }

    [Fact]
    public async Task AnswerAsync_ListItemChosen_BringsItsLeadInAlong()
    {
        _guide.Write("lists.md", "# Lists\n\n## Observerships {#observerships}\n\nFiller sentence.\n\nWhat counts:\n\n- Hands-on externships count most.\n- Observerships count less.\n");

        var answer = await Answerers.Extractive(_guide.Root).AnswerAsync("do hands-on externships count", null, CancellationToken.None);

        Assert.Contains("What counts:\n- Hands-on externships count most.", Markup.ToPlainText(answer.Answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_OffTopic_SaysTheGuideDoesNotCoverIt()
    {
        var answer = await Answerers.Extractive(_guide.Root).AnswerAsync("Recommend a sushi restaurant in San Diego", null, CancellationToken.None);

        Assert.False(answer.Covered);
        Assert.Empty(answer.Citations);
        Assert.StartsWith("The guide does not cover this", answer.Answer, StringComparison.Ordinal);
        Assert.Equal(ExtractiveAnswer.NotCovered, answer.Answer);
    }
}
