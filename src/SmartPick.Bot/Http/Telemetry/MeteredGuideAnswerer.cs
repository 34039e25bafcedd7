using SmartPick.Bot.Core.Guide;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Http.Telemetry;

/// <summary>Counts guide answers and refusals (questions the guide does not cover).</summary>
public sealed class MeteredGuideAnswerer(IGuideAnswerer inner, BotMetrics metrics) : IGuideAnswerer
{
    public async Task<GuideAnswer> AnswerAsync(string question, ApplicantProfile? profile, CancellationToken cancellationToken)
    {
        var answer = await inner.AnswerAsync(question, profile, cancellationToken);
        metrics.GuideAnswered(answer.Covered);
        return answer;
    }
}
