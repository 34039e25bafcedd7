using System.Text.Json;
using SmartPick.Bot.Knowledge.Guide;
using SmartPick.Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.Knowledge.Tests.Evaluation;

/// <summary>
/// The chat-style set (questions as typed in community servers) answered by the default retrieval answerer (BM25 +
/// the MiniLM re-rank once it is ready) and by BM25 alone (what answers while the model loads); the figures of both
/// halves are printed and the targets are asserted on the held-out half of the default.
/// </summary>
public sealed class ChatEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ChatStyleQuestions_HeldOutHalf_MeetsTheAnswerTargets()
    {
        // Arrange
        var all = ChatQuestion.Load();
        var answerer = await Answerers.RealGuideReranked.Value;
        var ids = GuideMarkdownParser.ParseFolder(TestPaths.Knowledge).Select(s => s.Reference).ToHashSet(StringComparer.Ordinal);

        // Act
        var tuning = await AnswerEvaluation.RunAsync(ChatQuestion.Tuning(all), answerer, ids);
        var heldOut = await AnswerEvaluation.RunAsync(ChatQuestion.HeldOut(all), answerer, ids);
        var bm25Tuning = await AnswerEvaluation.RunAsync(ChatQuestion.Tuning(all), Answerers.RealGuide.Value, ids);
        var bm25HeldOut = await AnswerEvaluation.RunAsync(ChatQuestion.HeldOut(all), Answerers.RealGuide.Value, ids);
        await DumpAnswersIfAskedAsync(all, answerer);

        // Assert
        output.WriteLine("chat-style, default (BM25 + MiniLM), tuning half [T]:   " + tuning);
        output.WriteLine("chat-style, default (BM25 + MiniLM), held-out half [H]: " + heldOut);
        output.WriteLine("chat-style, BM25 alone (model loading), tuning half:   " + bm25Tuning);
        output.WriteLine("chat-style, BM25 alone (model loading), held-out half: " + bm25HeldOut);
        output.WriteLine("targets (held-out): key fact >= 90%, wrongly refused <= 3%, off-topic refused >= 90%, valid citations 100%, dangling lead-ins 0");
        foreach (var miss in tuning.Misses.Concat(heldOut.Misses))
        {
            output.WriteLine(miss);
        }

        Assert.True(all.Count >= 150, "the chat-style set needs at least 150 questions");
        // Held-out key fact 91.4% (tuning 97.4%; BM25 alone while the model loads 84.3% / 94.9%).
        Assert.True(heldOut.KeyFactRate >= 0.9, $"held-out key fact {heldOut.KeyFactRate:P1} < 90%");
        Assert.True(bm25HeldOut.WronglyRefusedRate <= 0.03 && bm25HeldOut.OffTopicRefusedRate >= 0.9 && bm25HeldOut.DanglingLeadIns == 0, "BM25 alone must refuse as well");
        Assert.True(heldOut.WronglyRefusedRate <= 0.03, $"held-out wrongly refused {heldOut.WronglyRefusedRate:P1} > 3%");
        Assert.True(heldOut.OffTopicRefusedRate >= 0.9, $"held-out off-topic refused {heldOut.OffTopicRefusedRate:P1} < 90%");
        Assert.Equal(heldOut.Answers, heldOut.ValidCitations);
        Assert.Equal(0, heldOut.DanglingLeadIns + tuning.DanglingLeadIns);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Set SMARTPICK_DUMP_ANSWERS to a file path to write every answer (for before/after comparisons).</summary>
    private static async Task DumpAnswersIfAskedAsync(IReadOnlyList<ChatQuestion> all, Core.Guide.IGuideAnswerer answerer)
    {
        var path = Environment.GetEnvironmentVariable("SMARTPICK_DUMP_ANSWERS");
        if (string.IsNullOrEmpty(path)) return;
        var rows = new List<object>();
        foreach (var q in all)
        {
            var a = await answerer.AnswerAsync(q.Question, null, CancellationToken.None);
            rows.Add(new { q.Question, a.Covered, a.Answer, Citations = a.Citations.Select(c => c.Reference) });
        }

        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(rows, Indented));
    }
}
