using SmartPick.Bot.Knowledge.Retrieval;

namespace SmartPick.Bot.Knowledge.Tests.Retrieval;

public sealed class ScopeTests
{
    [Theory]
    [InlineData("how do I get registered with the GMC for foundation year", OutOfScope.Abroad)]
    [InlineData("internal medicine residency in Canada, how long?", OutOfScope.Abroad)]
    [InlineData("Australian medical council exam dates", OutOfScope.Abroad)]
    [InlineData("how do I become a pharmacist in California", OutOfScope.OtherField)]
    [InlineData("H-1B lottery odds for software engineers", OutOfScope.OtherField)]
    [InlineData("is crypto a good investment", OutOfScope.Unrelated)]
    [InlineData("best macbook for med school?", OutOfScope.Unrelated)]
    [InlineData("pls write my personal statement", OutOfScope.WriteForYou)]
    [InlineData("can you draft a letter of intent for me", OutOfScope.WriteForYou)]
    public void Check_QuestionAboutSomethingElse_IsOutOfScope(string question, OutOfScope expected) =>
        Assert.Equal(expected, Scope.Check(question));

    [Theory]
    [InlineData("I graduated in Germany, do I need Step 3 for an H-1B?")]
    [InlineData("I did my internship in the UK, does it count as USCE?")]
    [InlineData("does a letter from a nurse practitioner count?")]
    [InlineData("can my PD write a letter for me even if I rotated for 2 weeks")]
    [InlineData("how do I write my personal statement")]
    [InlineData("what to say at the pre-interview dinner")]
    [InlineData("phone interview tips")]
    [InlineData("I worked in the NHS for 2 years, does that count as clinical experience?")]
    [InlineData("do programs care that my first degree was engineering")]
    [InlineData("residency programs in California that sponsor H-1B")]
    public void Check_ResidencyQuestionThatSharesTheWords_IsInScope(string question) =>
        Assert.Equal(OutOfScope.None, Scope.Check(question));
}
