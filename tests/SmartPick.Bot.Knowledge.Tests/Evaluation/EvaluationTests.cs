using SmartPick.Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.Knowledge.Tests.Evaluation;

/// <summary>The retrieval evaluation on the real guide and the labelled question set (figures in the test output).</summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Bm25_OnEvaluationSet_HitAt3IsAtLeast90PercentAndOffTopicIsRecognised()
    {
        // Arrange
        var questions = EvaluationQuestion.Load();
        var retriever = Answerers.RealRetriever.Value;

        // Act
        var result = await RetrievalEvaluation.RunAsync(questions, q => retriever.RetrieveAsync(q, CancellationToken.None));
        var tuning = await RetrievalEvaluation.RunAsync(EvaluationSplit.Tuning(questions), q => retriever.RetrieveAsync(q, CancellationToken.None));
        var heldOut = await RetrievalEvaluation.RunAsync(EvaluationSplit.HeldOut(questions), q => retriever.RetrieveAsync(q, CancellationToken.None));

        // Assert
        output.WriteLine("BM25 (FTS5), whole set: " + result);
        output.WriteLine("  tuning half [T]:      " + tuning);
        output.WriteLine("  held-out half [H]:    " + heldOut);
        foreach (var miss in result.Misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(questions.Count(q => q.InScope) >= 60, "the evaluation set needs at least 60 answerable questions");
        Assert.True(result.HitAt3 >= 0.9, $"hit@3 {result.HitAt3:F3} < 0.9");
        // Regression floors a little under today's figures (answered+hit@3 0.924, precision 0.944, recall 1.000). Every
        // off-topic question here is near-domain (PLAB, a vet licence, an MBA, the H-1B lottery for engineers) and names a
        // guide word; they are refused by what they are about (Scope), not by the share of words the guide lacks.
        Assert.True(result.AnsweredHitAt3 >= 0.9, $"answered+hit@3 {result.AnsweredHitAt3:F3} < 0.9");
        Assert.True(result.OutOfScopePrecision >= 0.9, $"not-covered precision {result.OutOfScopePrecision:F3} < 0.9");
        Assert.True(result.OutOfScopeRecall >= 0.9, $"not-covered recall {result.OutOfScopeRecall:F3} < 0.9");
    }
}
