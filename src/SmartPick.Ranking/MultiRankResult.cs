using SmartPick.Ranking.Planning;

namespace SmartPick.Ranking;

/// <summary>One specialty's share of a plan across specialties.</summary>
public sealed record SpecialtyShare(string Specialty, double MatchProbability, double ExpectedInterviews, int PlanApplications, Coverage? Coverage);

/// <summary>Every specialty of the profile, ranked on its own, and one plan across them (P(match) = matching anywhere).</summary>
public sealed record MultiRankResult(IReadOnlyList<RankResult> Specialties, PlanResult Plan)
{
    public IReadOnlyList<SpecialtyShare> BySpecialty =>
    [
        .. Specialties.Select(r =>
        {
            var name = r.Assessment.Calibration.Specialty;
            var mine = Plan.Steps.Take(Plan.RecommendedApplications).Where(s => s.Specialty == name).ToList();
            return new SpecialtyShare(name, r.Assessment.MatchProbability, mine.Sum(s => s.InterviewProbability), mine.Count, r.Coverage);
        }),
    ];
}
