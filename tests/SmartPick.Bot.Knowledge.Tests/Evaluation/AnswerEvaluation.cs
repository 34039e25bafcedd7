using System.Text.RegularExpressions;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Knowledge.Tests.Evaluation;

/// <summary>
/// Measures answers, not rankings: is the key fact in the answer text, was an in-scope question refused, was an
/// off-topic one refused, are all citations real <c>file#section</c> ids, does any line end in a dangling lead-in.
/// </summary>
internal sealed record AnswerEvaluation(
    int InScope, int OffTopic, int KeyFactPresent, int WronglyRefused, int OffTopicRefused, int Answers, int ValidCitations,
    int DanglingLeadIns, IReadOnlyList<string> Misses)
{
    public double KeyFactRate => InScope == 0 ? 1 : (double)KeyFactPresent / InScope;

    public double WronglyRefusedRate => InScope == 0 ? 0 : (double)WronglyRefused / InScope;

    public double OffTopicRefusedRate => OffTopic == 0 ? 1 : (double)OffTopicRefused / OffTopic;

    public double ValidCitationRate => Answers == 0 ? 1 : (double)ValidCitations / Answers;

    public static async Task<AnswerEvaluation> RunAsync(IReadOnlyList<ChatQuestion> questions, IGuideAnswerer answerer, ISet<string> sectionIds)
    {
        int inScope = 0, offTopic = 0, key = 0, wronglyRefused = 0, refused = 0, answers = 0, valid = 0, dangling = 0;
        var misses = new List<string>();
        foreach (var q in questions)
        {
            var answer = await answerer.AnswerAsync(q.Question, null, CancellationToken.None);
            var text = Markup.ToPlainText(answer.Answer);
            var tag = EvaluationSplit.Tag(q.AsEvaluationQuestion());
            if (answer.Covered)
            {
                answers++;
                var citationsOk = answer.Citations.Count > 0 && answer.Citations.All(c => sectionIds.Contains(c.Reference));
                valid += citationsOk ? 1 : 0;
                if (!citationsOk) misses.Add($"[{tag}] BAD CITATION: {q.Question} -> [{string.Join(", ", answer.Citations.Select(c => c.Reference))}]");
            }

            if (HasDanglingLeadIn(text))
            {
                dangling++;
                misses.Add($"[{tag}] DANGLING LEAD-IN: {q.Question}");
            }

            if (!q.InScope)
            {
                offTopic++;
                refused += answer.Covered ? 0 : 1;
                if (answer.Covered) misses.Add($"[{tag}] OFF-TOPIC answered: {q.Question} -> {(answer.Citations.Count > 0 ? answer.Citations[0].Reference : "-")}");
                continue;
            }

            inScope++;
            if (!answer.Covered)
            {
                wronglyRefused++;
                misses.Add($"[{tag}] REFUSED: {q.Question}");
                continue;
            }

            var missing = q.Key.Where(k => !Regex.IsMatch(text, k, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();
            if (missing.Count == 0) key++;
            else misses.Add($"[{tag}] KEY FACT missing /{string.Join("/, /", missing)}/: {q.Question} -> [{string.Join(", ", answer.Citations.Select(c => c.Reference))}]");
        }

        return new AnswerEvaluation(inScope, offTopic, key, wronglyRefused, refused, answers, valid, dangling, misses);
    }

    /// <summary>A line ending in ":" with nothing after it but the end of the text or the "Related:" line.</summary>
    public static bool HasDanglingLeadIn(string plainText)
    {
        var lines = plainText.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].EndsWith(':') && (i + 1 == lines.Count || lines[i + 1].StartsWith("Related:", StringComparison.Ordinal))) return true;
        }

        return false;
    }

    public override string ToString() =>
        $"in-scope {InScope}, off-topic {OffTopic}: key fact {KeyFactRate:P1} ({KeyFactPresent}/{InScope}), wrongly refused {WronglyRefusedRate:P1} ({WronglyRefused}), "
        + $"off-topic refused {OffTopicRefusedRate:P1} ({OffTopicRefused}/{OffTopic}), valid citations {ValidCitationRate:P1} ({ValidCitations}/{Answers}), dangling lead-ins {DanglingLeadIns}";
}
