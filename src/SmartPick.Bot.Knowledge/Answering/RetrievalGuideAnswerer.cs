using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Knowledge.Retrieval;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Knowledge.Answering;

/// <summary>
/// The default answerer: no LLM, whole guide sections. Explicit refusals first; a multi-part message gets one
/// section per part under a short heading, with <see cref="GuideAnswer.Parts"/> set.
/// </summary>
public sealed class RetrievalGuideAnswerer(GuideRetriever retriever, IOptions<KnowledgeOptions> options, TimelineAnswer timeline) : IGuideAnswerer
{
    public async Task<GuideAnswer> AnswerAsync(string question, ApplicantProfile? profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var questions = QuestionSplitter.Split(question);
        // Instructions aimed at the bot refuse the whole message; other refusals apply to their own part only
        // ("1) rent near Loma Linda? 2) do I need Step 3 for H-1B" still gets its visa answer).
        if ((questions.Count == 1 || Retrieval.Scope.Check(question) == Retrieval.OutOfScope.Instructions) && Refusals.For(question) is { } refusal)
        {
            return new GuideAnswer(refusal, [], false);
        }

        if (questions.Count == 1)
        {
            return await AnswerOneAsync(question, cancellationToken);
        }

        var parts = new List<GuideAnswerPart>(questions.Count);
        foreach (var q in questions)
        {
            var a = await AnswerOneAsync(q, cancellationToken);
            parts.Add(new GuideAnswerPart(q, a.Answer, a.Covered, a.Citations));
        }

        var text = string.Join("\n\n", parts.Select((p, i) => $"**{i + 1}. {Core.Messaging.Markup.Escape(Short(p.Question))}**\n{p.Answer}"));
        var citations = parts.SelectMany(p => p.Citations).DistinctBy(c => c.Reference).ToList();
        return new GuideAnswer(text, citations, parts.Any(p => p.Covered)) { Parts = parts };
    }

    private async Task<GuideAnswer> AnswerOneAsync(string question, CancellationToken cancellationToken)
    {
        if (Refusals.For(question) is { } refusal)
        {
            return new GuideAnswer(refusal, [], false);
        }

        if (timeline.IsDateQuestion(question)
            && await retriever.SectionAsync(TimelineAnswer.IsDatesSection, cancellationToken) is { } dates
            && timeline.Render(dates) is { } text)
        {
            var heading = $"**{Core.Messaging.Markup.Escape(dates.Heading)}** (_{Core.Messaging.Markup.Escape(dates.DocumentTitle)}_)\n";
            return new GuideAnswer(heading + text, [new GuideCitation(dates.File, dates.Id, dates.Heading, 1)], true);
        }

        var result = await retriever.RetrieveAsync(question, cancellationToken);
        return SectionAnswer.Compose(result, options.Value.MaxCitations, timeline.Render);
    }

    private static string Short(string question) => question.Length <= 80 ? question : question[..77].TrimEnd() + "...";
}
