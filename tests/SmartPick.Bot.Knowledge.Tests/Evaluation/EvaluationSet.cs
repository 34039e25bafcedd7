using System.Text.Json;
using System.Text.Json.Serialization;
using SmartPick.Bot.Knowledge.Tests.Support;

namespace SmartPick.Bot.Knowledge.Tests.Evaluation;

/// <summary>One labelled question; an empty <see cref="Expected"/> means the guide cannot answer it.</summary>
internal sealed record EvaluationQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("expected")] IReadOnlyList<string> Expected)
{
    public bool InScope => Expected.Count > 0;

    public static IReadOnlyList<EvaluationQuestion> Load() =>
        JsonSerializer.Deserialize<List<EvaluationQuestion>>(File.ReadAllText(TestPaths.Questions))
        ?? throw new InvalidDataException("questions.json is empty");
}
