using System.Text.Json;
using System.Text.Json.Serialization;
using SmartPick.Bot.Knowledge.Tests.Support;

namespace SmartPick.Bot.Knowledge.Tests.Evaluation;

/// <summary>
/// A question typed the way applicants write in Discord and Telegram (typos, slang, fragments, emoji, several parts,
/// off-topic, injection attempts). <see cref="Key"/> holds one regex per key fact (one per part for multi-part
/// questions) that the answer text must contain; an empty <see cref="Expected"/> means the bot must refuse.
/// Written before the answerer was tuned; see <see cref="EvaluationSplit"/> for the held-out half.
/// </summary>
internal sealed record ChatQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("expected")] IReadOnlyList<string> Expected,
    [property: JsonPropertyName("key")] IReadOnlyList<string> Key)
{
    public bool InScope => Expected.Count > 0;

    public EvaluationQuestion AsEvaluationQuestion() => new(Question, Expected);

    public static IReadOnlyList<ChatQuestion> Load() =>
        JsonSerializer.Deserialize<List<ChatQuestion>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Evaluation", "chat-questions.json")))
        ?? throw new InvalidDataException("chat-questions.json is empty");

    public static IReadOnlyList<ChatQuestion> HeldOut(IReadOnlyList<ChatQuestion> all) => all.Where(q => EvaluationSplit.IsHeldOut(q.AsEvaluationQuestion())).ToList();

    public static IReadOnlyList<ChatQuestion> Tuning(IReadOnlyList<ChatQuestion> all) => all.Where(q => !EvaluationSplit.IsHeldOut(q.AsEvaluationQuestion())).ToList();

    internal static string KnowledgeRoot => TestPaths.Knowledge;
}
