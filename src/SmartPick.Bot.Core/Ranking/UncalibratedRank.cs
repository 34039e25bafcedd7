using System.Text;
using System.Text.Json.Nodes;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;
using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Eligibility;
using SmartPick.Ranking.Listing;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>
/// /rank and <c>rank</c> for a specialty the catalog lists but NRMP gives no curve for (Transitional Year, Preliminary
/// Medicine): the programs with their facts and eligibility, no chances (<c>interviewProbability</c>,
/// <c>matchProbability</c> and <c>plan</c> null) and a sentence saying why, with the related published figure.
/// </summary>
internal static class UncalibratedRank
{
    /// <summary>The listing, or null when the specialty has a calibration or is not in the catalog (the normal path decides).</summary>
    public static AdvisorResult? TryList(RankingModel model, ApplicantProfile profile, RankRequest request, int year, int defaultTop)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(request);
        var typed = request.Specialty ?? (profile.Specialties.Count > 0 ? profile.Specialties[0] : null);
        var name = typed is null ? null : Vocabulary.Specialty(typed) ?? typed.Trim();
        if (name is null || model.ResolveSpecialty(name) is not null || !UncalibratedList.Lists(model, name))
        {
            return null;
        }

        var region = request.Region is { } r && !r.Equals("Anywhere", StringComparison.OrdinalIgnoreCase) ? r : null;
        if (region is not null && Regions.Resolve(region).Count == 0)
        {
            return AdvisorResult.Fail($"Unknown region '{Markup.Escape(region)}'. Use SoCal, LA, OC, SD, IE, VSB or CV.");
        }

        var specialty = model.Programs.SelectMany(p => p.Tracks.Select(t => t.Specialty).Prepend(p.Specialty)).First(s => s.Equals(name, StringComparison.OrdinalIgnoreCase));
        var top = request.Top is null or <= 0 ? defaultTop : request.Top.Value;
        var result = UncalibratedList.Build(model, profile, new RankQuery(specialty, year, region, request.State, top));
        return new AdvisorResult([Reply.Private(Text(result))], Json(result));
    }

    private static string Text(UncalibratedResult r)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(Markup.Escape(r.Specialty)).Append("** — ").Append(r.ProgramsConsidered).Append(" program(s) in the catalog for this search")
          .Append(r.Programs.Count < r.ProgramsConsidered ? $", first {r.Programs.Count} shown" : string.Empty).Append(".\n")
          .Append(Markup.Escape(r.Note)).Append("\n\n");
        foreach (var p in r.Programs)
        {
            sb.Append("- **").Append(Markup.Escape(p.Name)).Append("** (").Append(p.Program.AcgmeId).Append(p.Track is null ? string.Empty : ", " + p.Track.Track)
              .Append("), ").Append(Markup.Escape(p.Program.City)).Append(": ").Append(p.Eligibility.Status);
            if (p.Eligibility.Reasons.FirstOrDefault(x => x.Effect == p.Eligibility.Status) is { } why && p.Eligibility.Status != EligibilityStatus.Eligible)
            {
                sb.Append(" — ").Append(Markup.Escape(why.Detail));
            }

            sb.Append(p.Positions is { } n ? $" · {n} position(s)/year" : string.Empty).Append('\n');
        }

        return sb.ToString().TrimEnd();
    }

    private static JsonObject Json(UncalibratedResult r) => new()
    {
        ["specialty"] = r.Specialty,
        ["matchProbability"] = null,
        ["expectedInterviews"] = null,
        ["plan"] = null,
        ["calibrated"] = false,
        ["note"] = r.Note,
        ["programsConsidered"] = r.ProgramsConsidered,
        ["programs"] = new JsonArray([.. r.Programs.Select(Program)]),
    };

    /// <summary>A listed program: facts and eligibility, no tier, no chance.</summary>
    public static JsonNode Program(ListedProgram p) => new JsonObject
    {
        ["acgmeId"] = p.Program.AcgmeId,
        ["track"] = p.Track?.Track ?? p.Program.Track,
        ["name"] = p.Name,
        ["specialty"] = p.Track?.Specialty ?? p.Program.Specialty,
        ["city"] = p.Program.City,
        ["state"] = p.Program.State,
        ["region"] = p.Program.Region,
        ["tier"] = null,
        ["interviewProbability"] = null,
        ["positionsPerYear"] = p.Positions,
        ["eligibility"] = new JsonObject
        {
            ["status"] = p.Eligibility.Status.ToString(),
            ["reasons"] = new JsonArray([.. p.Eligibility.Reasons.Select(e => (JsonNode)new JsonObject
            {
                ["rule"] = e.Rule, ["effect"] = e.Effect.ToString(), ["detail"] = e.Detail, ["source"] = e.Source, ["sourceUrl"] = e.SourceUrl,
            })]),
        },
        ["facts"] = new JsonArray([.. p.Facts.Select(f => (JsonNode)new JsonObject
        {
            ["fact"] = f.Fact, ["value"] = f.Value, ["source"] = f.Provenance.Source, ["sourceUrl"] = f.Provenance.SourceUrl,
            ["sourceDate"] = f.Provenance.PublishedOn, ["retrievedOn"] = f.Provenance.RetrievedOn,
        })]),
        ["source"] = new JsonObject { ["name"] = (p.Track?.Provenance ?? p.Program.Provenance).Source, ["url"] = (p.Track?.Provenance ?? p.Program.Provenance).SourceUrl },
    };
}
