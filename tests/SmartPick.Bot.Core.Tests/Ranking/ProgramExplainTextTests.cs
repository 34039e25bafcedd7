using System.Text.RegularExpressions;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;

namespace SmartPick.Bot.Core.Tests.Ranking;

/// <summary>Issue 11 point 6: /explain-score for a program in plain words, sources as short named links at the end.</summary>
public sealed partial class ProgramExplainTextTests
{
    [Theory]
    [InlineData("1400531031")] // Kern Medical Center, IM (program-level data)
    [InlineData("1200521001")]
    public void ExplainProgram_SaysWhatTheNumbersMean_WithoutHashesSectionsOrLogOdds(string id)
    {
        var result = Personas.Personas.Advisor.ExplainScore(Personas.Personas.IndianJ1, id, null);
        if (result.Error is not null)
        {
            Assert.Contains("No program", result.Error, StringComparison.Ordinal); // the second id may not exist; the first must
            Assert.NotEqual("1400531031", id);
            return;
        }

        var text = Markup.ToPlainText(result.Replies[0].Text);
        Assert.DoesNotContain("log-odds", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("§", text, StringComparison.Ordinal);
        Assert.False(CommitHash().IsMatch(text), text);
        Assert.Contains("Chance this program invites you to interview", text, StringComparison.Ordinal);
        Assert.Contains("Fit ", text, StringComparison.Ordinal);
        Assert.Contains("compares it with an average program", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Sources:", StringComparison.Ordinal) > text.IndexOf("Chance this program", StringComparison.Ordinal));
        Assert.NotNull(result.Json!["logOdds"]); // the numbers stay in the JSON
    }

    [Fact]
    public void Short_DropsCommitHashesAndSectionNumbers() =>
        Assert.Equal("saieeshb/img-match-2026 src/data.js", ProgramExplainText.Short("extract saieeshb/img-match-2026 src/data.js @ fbf8e3691234abcd; domain-data §14"));

    [GeneratedRegex(@"\b[0-9a-f]{8,40}\b")]
    private static partial Regex CommitHash();
}
