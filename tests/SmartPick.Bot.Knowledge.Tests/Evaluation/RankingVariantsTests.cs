using SmartPick.Bot.Knowledge.Retrieval;
using SmartPick.Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.Knowledge.Tests.Evaluation;

/// <summary>
/// The default ranking against the weights it replaced and against the knobs that were measured and left off, on
/// both halves of the split (figures in the test output). Guards the tuning rule: the default must not be worse
/// than its predecessor on the held-out half.
/// </summary>
public sealed class RankingVariantsTests(ITestOutputHelper output)
{
    /// <summary>The ranking before the split-based tuning (title share 0.3, no phrase paraphrases).</summary>
    private static readonly RankingWeights Previous = RankingWeights.Default with { TitleShare = 0.3, Phrases = false };

    private static readonly (string Name, RankingWeights Weights)[] Rejected =
    [
        ("+ passage share 0.2", RankingWeights.Default with { PassageShare = 0.2 }),
        ("+ sibling share 0.3", RankingWeights.Default with { SiblingShare = 0.3 }),
        ("+ question cues 0.3", RankingWeights.Default with { QuestionCue = 0.3 }),
        ("+ word families", RankingWeights.Default with { WordFamilies = true }),
        ("+ known words only", RankingWeights.Default with { RankKnownWordsOnly = true }),
        ("+ focus on 8 words", RankingWeights.Default with { MaxRankingTerms = 8 }),
        ("bm25 body weight 0.5", RankingWeights.Default with { Bm25Body = 0.5 }),
    ];

    [Fact]
    public async Task DefaultRanking_OnHeldOutHalf_IsNoWorseThanThePreviousWeights()
    {
        // Arrange
        var retriever = Answerers.RealRetriever.Value;
        var questions = EvaluationQuestion.Load();
        var tuning = EvaluationSplit.Tuning(questions);
        var heldOut = EvaluationSplit.HeldOut(questions);

        // Act
        async Task<(RetrievalEvaluation Tuning, RetrievalEvaluation HeldOut)> RunAsync(RankingWeights w) =>
            (await RetrievalEvaluation.RunAsync(tuning, q => retriever.RetrieveAsync(q, w, CancellationToken.None)),
             await RetrievalEvaluation.RunAsync(heldOut, q => retriever.RetrieveAsync(q, w, CancellationToken.None)));
        var current = await RunAsync(RankingWeights.Default);
        var previous = await RunAsync(Previous);

        // Assert
        Print("default", current);
        Print("previous", previous);
        foreach (var (name, weights) in Rejected)
        {
            Print(name, await RunAsync(weights));
        }

        Assert.True(current.HeldOut.HitAt1 >= previous.HeldOut.HitAt1, $"held-out hit@1 {current.HeldOut.HitAt1:F3} < {previous.HeldOut.HitAt1:F3}");
        Assert.True(current.HeldOut.HitAt3 >= previous.HeldOut.HitAt3, $"held-out hit@3 {current.HeldOut.HitAt3:F3} < {previous.HeldOut.HitAt3:F3}");
        Assert.True(current.Tuning.HitAt1 >= previous.Tuning.HitAt1, $"tuning hit@1 {current.Tuning.HitAt1:F3} < {previous.Tuning.HitAt1:F3}");
    }

    private void Print(string name, (RetrievalEvaluation Tuning, RetrievalEvaluation HeldOut) r) =>
        output.WriteLine(
            $"{name,-22} tuning hit@1 {r.Tuning.HitAt1:F3} hit@3 {r.Tuning.HitAt3:F3} p {r.Tuning.OutOfScopePrecision:F2} r {r.Tuning.OutOfScopeRecall:F2}"
            + $" | held-out hit@1 {r.HeldOut.HitAt1:F3} hit@3 {r.HeldOut.HitAt3:F3} p {r.HeldOut.OutOfScopePrecision:F2} r {r.HeldOut.OutOfScopeRecall:F2}");
}
