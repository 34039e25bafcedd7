using SmartPick.Bot.Knowledge.Retrieval;
using SmartPick.Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.Knowledge.Tests.Evaluation;

/// <summary>
/// The default ranking against the weights it replaced, on both halves of the split (figures in the test output).
/// Guards the tuning rule: the default must not be worse than its predecessor on the held-out half.
/// </summary>
public sealed class RankingVariantsTests(ITestOutputHelper output)
{
    /// <summary>The ranking before the split-based tuning (title share 0.3, no phrase paraphrases).</summary>
    private static readonly RankingWeights Previous = RankingWeights.Default with { TitleShare = 0.3, Phrases = false };

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

        Assert.True(current.HeldOut.HitAt1 >= previous.HeldOut.HitAt1, $"held-out hit@1 {current.HeldOut.HitAt1:F3} < {previous.HeldOut.HitAt1:F3}");
        Assert.True(current.HeldOut.HitAt3 >= previous.HeldOut.HitAt3, $"held-out hit@3 {current.HeldOut.HitAt3:F3} < {previous.HeldOut.HitAt3:F3}");
        Assert.True(current.Tuning.HitAt1 >= previous.Tuning.HitAt1, $"tuning hit@1 {current.Tuning.HitAt1:F3} < {previous.Tuning.HitAt1:F3}");
    }

    private void Print(string name, (RetrievalEvaluation Tuning, RetrievalEvaluation HeldOut) r) =>
        output.WriteLine(
            $"{name,-8} tuning hit@1 {r.Tuning.HitAt1:F3} hit@3 {r.Tuning.HitAt3:F3} p {r.Tuning.OutOfScopePrecision:F2} r {r.Tuning.OutOfScopeRecall:F2}"
            + $" | held-out hit@1 {r.HeldOut.HitAt1:F3} hit@3 {r.HeldOut.HitAt3:F3} p {r.HeldOut.OutOfScopePrecision:F2} r {r.HeldOut.OutOfScopeRecall:F2}");
}
