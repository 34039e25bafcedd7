using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Guide;

/// <summary>Registered only when the knowledge module is not wired in.</summary>
internal sealed class UnavailableGuideAnswerer : IGuideAnswerer
{
    public Task<GuideAnswer> AnswerAsync(string question, ApplicantProfile? profile, CancellationToken cancellationToken) =>
        Task.FromResult(new GuideAnswer("The guide is not available in this build, so I can't answer questions yet.", [], Covered: false));
}
