using SmartPick.Bot.Knowledge.Retrieval;

namespace SmartPick.Bot.Knowledge.Tests.Retrieval;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("H-1B", "h1b")]
    [InlineData("h1b visa", "h1b visa")]
    [InlineData("H 1 B", "h1b")]
    [InlineData("J-1 waiver", "j1 waiver")]
    [InlineData("Step 2 CK", "step2 ck")]
    [InlineData("step2ck", "step2 ck")]
    [InlineData("2CK score", "step2 ck score")]
    [InlineData("My IM LoRs", "internal medicine letters recommendation")]
    [InlineData("U.S. clinical experience", "usa clinical experience")]
    public void ContentTokens_DomainSpellings_AreNormalised(string input, string expected)
    {
        Assert.Equal(expected, string.Join(' ', TextAnalyzer.ContentTokens(input)));
    }

    [Theory]
    [InlineData("letters", "letter")]
    [InlineData("sponsoring", "sponsor")]
    [InlineData("failed", "fail")]
    [InlineData("policies", "policy")]
    [InlineData("status", "status")]
    public void Stem_CommonSuffixes_AreStripped(string word, string stem)
    {
        Assert.Equal(stem, TextAnalyzer.Stem(word));
    }

    [Fact]
    public void DamerauLevenshtein_Transposition_CountsOnce()
    {
        Assert.Equal(1, EditDistance.DamerauLevenshtein("lettres", "letters", 2));
        Assert.Equal(3, EditDistance.DamerauLevenshtein("abc", "xyzw", 2));
    }
}
