using SmartPick.Bot.Core.Intake;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>Registered only when no ranking model is wired in; says so instead of inventing numbers.</summary>
internal sealed class UnavailableRankingAdvisor : IRankingAdvisor
{
    private const string Message = "Program ranking is not available in this build yet, so I can't give you numbers. Your profile is saved.";

    public IReadOnlyList<string> Specialties => Vocabulary.Specialties;

    public AdvisorResult Rank(ApplicantProfile profile, RankRequest request) => AdvisorResult.Fail(Message);

    public AdvisorResult ExplainScore(ApplicantProfile profile, string? acgmeId, string? specialty) => AdvisorResult.Fail(Message);

    public AdvisorResult Plan(ApplicantProfile profile, RankRequest request) => AdvisorResult.Fail(Message);
}
