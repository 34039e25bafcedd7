using SmartPick.Bot.Core.Servers.Feedback;

namespace SmartPick.Bot.Core.Tests.Servers;

/// <summary>A shared question never keeps a number: scores, attempts, years and phone numbers lose every digit.</summary>
public sealed class QuestionMaskTests
{
    [Theory]
    [InlineData("238", "###")]
    [InlineData("I got 2 fails", "I got # fails")]
    [InlineData("Step 1 pass, Step 2 CK 251 in 2024", "Step # pass, Step # CK ### in ####")]
    [InlineData("is 230-235 enough for IM?", "is ###-### enough for IM?")]
    [InlineData("score of 24O? I mean 240.5", "score of ##O? I mean ###.#")]
    [InlineData("OET 350/500, 95th percentile", "OET ###/###, ##th percentile")]
    [InlineData("call me on +1 (555) 010-9999", "call me on +# (###) ###-####")]
    [InlineData("٢٤٠ on CK", "### on CK")] // Arabic-Indic digits
    [InlineData("２４０ on CK", "### on CK")] // full-width digits
    [InlineData("score ² and ½", "score # and #")] // other number characters
    [InlineData("  how do signals work?  ", "how do signals work?")]
    public void Mask_ReplacesEveryDigit(string question, string expected) => Assert.Equal(expected, QuestionMask.Mask(question));
}
