using SmartPick.Bot.Knowledge.Retrieval;

namespace SmartPick.Bot.Knowledge.Tests.Evaluation;

/// <summary>hit@k over in-scope questions, and how well out-of-scope questions are recognised.</summary>
internal sealed record RetrievalEvaluation(
    int InScope,
    int OutOfScope,
    double HitAt1,
    double HitAt3,
    double AnsweredHitAt3,
    int FlaggedNotCovered,
    int CorrectlyFlagged,
    IReadOnlyList<string> Misses)
{
    /// <summary>Of the questions answered "not covered", the share that really are outside the guide.</summary>
    public double OutOfScopePrecision => FlaggedNotCovered == 0 ? 1 : (double)CorrectlyFlagged / FlaggedNotCovered;

    /// <summary>Of the questions outside the guide, the share recognised as such.</summary>
    public double OutOfScopeRecall => OutOfScope == 0 ? 1 : (double)CorrectlyFlagged / OutOfScope;

    public static async Task<RetrievalEvaluation> RunAsync(IReadOnlyList<EvaluationQuestion> questions, Func<string, Task<RetrievalResult>> retrieve)
    {
        int inScope = 0, outOfScope = 0, hit1 = 0, hit3 = 0, answered3 = 0, flagged = 0, correct = 0;
        var misses = new List<string>();
        foreach (var q in questions)
        {
            var result = await retrieve(q.Question);
            var top = result.Hits.Select(h => h.Section.Reference).ToList();
            if (!result.Covered)
            {
                flagged++;
                correct += q.InScope ? 0 : 1;
            }

            if (!q.InScope)
            {
                outOfScope++;
                if (result.Covered)
                {
                    misses.Add($"[{EvaluationSplit.Tag(q)}] OUT-OF-SCOPE answered ({result.Evidence:F2}): {q.Question} -> {top.FirstOrDefault()}");
                }

                continue;
            }

            inScope++;
            var in1 = top.Take(1).Any(q.Expected.Contains);
            var in3 = top.Take(3).Any(q.Expected.Contains);
            hit1 += in1 ? 1 : 0;
            hit3 += in3 ? 1 : 0;
            answered3 += in3 && result.Covered ? 1 : 0;
            if (!in3)
            {
                misses.Add($"[{EvaluationSplit.Tag(q)}] MISS@3: {q.Question} -> [{string.Join(", ", top.Take(3))}] expected [{string.Join(", ", q.Expected)}]");
            }
            else if (!result.Covered)
            {
                misses.Add($"[{EvaluationSplit.Tag(q)}] REJECTED ({result.Evidence:F2}): {q.Question} terms [{string.Join(' ', result.Query.Terms)}]");
            }
        }

        return new RetrievalEvaluation(inScope, outOfScope, (double)hit1 / inScope, (double)hit3 / inScope, (double)answered3 / inScope, flagged, correct, misses);
    }

    public override string ToString() =>
        $"in-scope {InScope}, out-of-scope {OutOfScope}: hit@1 {HitAt1:F3}, hit@3 {HitAt3:F3}, answered+hit@3 {AnsweredHitAt3:F3}; "
        + $"not-covered precision {OutOfScopePrecision:F3} ({CorrectlyFlagged}/{FlaggedNotCovered}), recall {OutOfScopeRecall:F3}";
}
