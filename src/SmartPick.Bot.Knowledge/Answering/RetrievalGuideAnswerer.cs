using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Knowledge.Retrieval;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Knowledge.Answering;

/// <summary>The default answerer: no LLM, extractive answers from the indexed guide.</summary>
public sealed class RetrievalGuideAnswerer(GuideRetriever retriever, IOptions<KnowledgeOptions> options) : IGuideAnswerer
{
    public async Task<GuideAnswer> AnswerAsync(string question, ApplicantProfile? profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var result = await retriever.RetrieveAsync(question, cancellationToken);
        return ExtractiveAnswer.Compose(result, options.Value.MaxCitations);
    }
}
