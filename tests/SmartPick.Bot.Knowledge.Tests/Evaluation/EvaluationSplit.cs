using System.Security.Cryptography;
using System.Text;

namespace SmartPick.Bot.Knowledge.Tests.Evaluation;

/// <summary>
/// Deterministic split of the evaluation set against overfitting: a question belongs to the held-out half when the
/// first byte of the SHA-256 of its text is odd. Retrieval changes are tuned on the other half and accepted only
/// when they do not hurt the held-out half.
/// </summary>
internal static class EvaluationSplit
{
    public static bool IsHeldOut(EvaluationQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return (SHA256.HashData(Encoding.UTF8.GetBytes(question.Question))[0] & 1) == 1;
    }

    public static IReadOnlyList<EvaluationQuestion> Tuning(IReadOnlyList<EvaluationQuestion> questions) =>
        questions.Where(q => !IsHeldOut(q)).ToList();

    public static IReadOnlyList<EvaluationQuestion> HeldOut(IReadOnlyList<EvaluationQuestion> questions) =>
        questions.Where(IsHeldOut).ToList();

    /// <summary>"T" for the tuning half, "H" for the held-out half (tags the printed misses).</summary>
    public static string Tag(EvaluationQuestion question) => IsHeldOut(question) ? "H" : "T";
}
