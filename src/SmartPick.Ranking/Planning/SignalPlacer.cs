using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Profiles;
using SmartPick.Ranking.Scoring;

namespace SmartPick.Ranking.Planning;

/// <summary>One signal with why it goes there.</summary>
public sealed record PlacedSignal(string AcgmeId, string Kind, string Reason);

/// <summary>
/// Where the ERAS signals go (issue 11 point 5): programs with a real connection first (the applicant rotated there or a
/// letter writer is tied to it), then programs in the preferred area by chance, then the best chances elsewhere; gold
/// before silver. Never a program whose visa is unverified or that is ineligible, so silver signals stay in the stated
/// area while eligible programs exist there.
/// </summary>
public static class SignalPlacer
{
    public static IReadOnlyList<PlacedSignal> Place(RankResult result, ApplicantProfile profile, SignalQuota? quota)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(profile);
        if (quota is null)
        {
            return [];
        }

        var places = PreferredPlaces.From(profile);
        var links = (profile.Connections?.Rotations ?? []).Concat(profile.Connections?.LetterWriters ?? []).Where(s => s.Trim().Length >= 3).ToList();
        var ordered = result.Programs
            .Where(p => p.Tier != Tier.Ineligible && p.Eligibility.Status == EligibilityStatus.Eligible)
            .Select(p => (p, Linked: links.Any(l => Matches(p.Program.Name, l)), InArea: places.Contains(p.Program)))
            .OrderByDescending(x => x.Linked).ThenByDescending(x => x.InArea).ThenByDescending(x => x.p.InterviewProbability).ThenBy(x => x.p.Program.Name, StringComparer.Ordinal)
            .ToList();
        var picks = new List<PlacedSignal>();
        var i = 0;
        foreach (var (kind, count) in new[] { ("gold", quota.Gold), ("silver", quota.Silver), ("signal", quota.Standard) })
        {
            for (var n = 0; n < count && i < ordered.Count; n++, i++)
            {
                var x = ordered[i];
                var reason = x.Linked ? "you have a connection there (rotation or letter writer)"
                    : x.InArea ? $"in your preferred area ({places}), among your best chances there"
                    : "among your best chances outside your preferred area";
                picks.Add(new PlacedSignal(x.p.Program.AcgmeId, kind, reason));
            }
        }

        return picks;
    }

    private static bool Matches(string programName, string connection)
    {
        var c = connection.Trim();
        return programName.Contains(c, StringComparison.OrdinalIgnoreCase) || c.Contains(programName, StringComparison.OrdinalIgnoreCase);
    }
}
