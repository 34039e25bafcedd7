using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Ranking.Listing;

/// <summary>A program (or its track) listed with its facts and eligibility but no chance: its specialty has no NRMP curve.</summary>
public sealed record ListedProgram(ProgramRecord Program, ProgramTrack? Track, EligibilityResult Eligibility)
{
    public string Name => Track?.Name ?? Program.Name;

    public int? Positions => Track is null ? Program.Pgy1Positions : Track.Positions;

    public IReadOnlyList<ProgramFact> Facts => Track?.Facts ?? Program.Facts;
}

/// <summary>The programs of a specialty without an NRMP calibration (Transitional Year, Preliminary Medicine), and why no chance is given.</summary>
public sealed record UncalibratedResult(string Specialty, IReadOnlyList<ListedProgram> Programs, int ProgramsConsidered, string Note);

/// <summary>
/// Lists programs of a specialty that has no Charting Outcomes curve: filtered by region/state like <c>Rank</c>,
/// ordered eligible first then by name, each with its eligibility (stated rules of the program or track, FREIDA visas)
/// and no interview or match chance. Preliminary Medicine is found as tracks of IM programs.
/// </summary>
public static class UncalibratedList
{
    /// <summary>The related published figure (knowledge/guide/program-list.md#prelim-and-ty) and its source.</summary>
    public const string RelatedFigure =
        "In 2023, IMGs filled 12% of preliminary Internal Medicine positions and 11.9% of Transitional Year positions " +
        "(NRMP data as re-tabulated by White Coat Pockets, https://whitecoatpockets.com/2023-main-residency-match-nrmp-results-and-data/; guide: program-list.md, Transitional Year and preliminary positions).";

    /// <summary>Position types NRMP publishes no Charting Outcomes curve for (other specialties lack only our calibration).</summary>
    public static readonly IReadOnlyList<string> WithoutNrmpCurve = ["Transitional Year", "Preliminary Medicine"];

    /// <summary>Whether <paramref name="specialty"/> has no NRMP curve and the catalog lists programs or tracks of it.</summary>
    public static bool Lists(RankingModel model, string specialty)
    {
        ArgumentNullException.ThrowIfNull(model);
        return WithoutNrmpCurve.Contains(specialty, StringComparer.OrdinalIgnoreCase)
            && (model.ProgramsIn(specialty).Count > 0 || model.Programs.Any(p => p.Tracks.Any(t => Same(t.Specialty, specialty))));
    }

    public static UncalibratedResult Build(RankingModel model, ApplicantProfile profile, RankQuery query)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(query);
        var facts = ApplicantFacts.From(profile, query.AsOfYear);
        var regions = query.Region is null ? null : Regions.Resolve(query.Region);
        var listed = new List<ListedProgram>();
        foreach (var p in model.Programs)
        {
            if ((regions is not null && (p.Region is null || !regions.Contains(p.Region)))
                || (query.State is not null && !string.Equals(p.State, query.State, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (Same(p.Specialty, query.Specialty))
            {
                listed.Add(new(p, null, EligibilityChecker.Check(facts, p, model.RulesFor(p.AcgmeId))));
            }

            foreach (var t in p.Tracks.Where(t => Same(t.Specialty, query.Specialty)))
            {
                listed.Add(new(p, t, EligibilityChecker.Check(facts, p, t.Rules)));
            }
        }

        var ordered = listed.OrderBy(l => l.Eligibility.Status == EligibilityStatus.Ineligible)
            .ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Program.AcgmeId, StringComparer.Ordinal).ToList();
        var note = $"There is no NRMP Charting Outcomes curve for {query.Specialty}, so SmartPick gives no interview or match chance for these programs " +
            $"and they add no chance to a plan: compare their stated rules and facts instead. Related figure: {RelatedFigure}";
        return new UncalibratedResult(query.Specialty, [.. ordered.Take(query.Top ?? int.MaxValue)], ordered.Count, note);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
