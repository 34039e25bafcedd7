using SmartPick.Bot.Knowledge.Guide;
using SmartPick.Bot.Knowledge.Retrieval;
using SmartPick.Bot.Knowledge.Retrieval.Spelling;

namespace SmartPick.Bot.Knowledge.Tests.Retrieval;

public sealed class SpellingTests
{
    private static readonly CorpusStatistics Corpus = new(
    [
        new GuideSection("guide/a.md", "a", "Letters", "Letters of recommendation", "Ask for letters overall early; feels willing reminding tip ent."),
    ]);

    [Theory]
    [InlineData("rent")]
    [InlineData("fees")]
    [InlineData("overkill")]
    [InlineData("killing")]
    [InlineData("remaining")]
    [InlineData("trip")]
    public void Create_RealEnglishWord_IsNeverRewrittenIntoAGuideWord(string word)
    {
        var query = GuideQuery.Create(word, Corpus);

        Assert.Equal([word], query.Terms);
        Assert.Empty(query.Corrected);
    }

    [Fact]
    public void Create_NonWord_IsCorrectedToAGuideWordAndMarked()
    {
        var query = GuideQuery.Create("recomendation leters", Corpus);

        Assert.Equal(["recommendation", "letters"], query.Terms);
        Assert.Equal(["letters", "recommendation"], query.Corrected.Order());
    }

    [Fact]
    public void EnglishWords_IsEmbedded_NotReadFromTheSystemDictionary() =>
        Assert.True(EnglishWords.Contains("residency") && !EnglishWords.Contains("usce"));
}
