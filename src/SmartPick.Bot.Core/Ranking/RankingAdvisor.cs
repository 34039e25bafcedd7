using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;
using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Chances;
using SmartPick.Ranking.Listing;
using SmartPick.Ranking.Outcomes;
using SmartPick.Ranking.Planning;
using SmartPick.Ranking.Profiles;
using SmartPick.Ranking.Scoring;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>The ranking library behind /rank, /plan, /explain-score and the CLI. Replies are private (personal data).</summary>
public sealed class RankingAdvisor(RankingEngine engine, IOptions<RankingOptions> options, TimeProvider clock, IRankingCharts charts, ModelDocument document) : IRankingAdvisor
{
    public IReadOnlyList<string> Specialties => engine.Model.Specialties;

    public AdvisorResult Rank(ApplicantProfile profile, RankRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Several(profile, request) is { } several)
        {
            return Across(profile, request, several, (m, region) =>
            {
                var first = m.Specialties[0];
                var steps = request.Page <= 1 ? NextSteps.For(engine, profile, first, new RankQuery(first.Assessment.Calibration.Specialty, Year, region, request.State, 1)) : [];
                return MultiRank.Rank(m, request, Top(request), PreferredPlaces.From(profile), profile.Step2ck?.Score is null, Listed(profile, request, region), steps);
            });
        }

        if (UncalibratedRank.TryList(engine.Model, profile, request, Year, options.Value.DefaultTop) is { } listed)
        {
            return listed; // Transitional Year, Preliminary Medicine: listed with eligibility, no NRMP curve, no chance
        }

        // Without an explicit filter, the chat pages lead with the places the applicant said they want, then the best
        // chances elsewhere; the plan and the JSON stay computed over every program.
        var places = request.Region is null && request.State is null ? PreferredPlaces.From(profile) : null;
        var top = request.Top is null or 0 ? options.Value.DefaultTop : request.Top.Value;
        return Run(profile, request with { Top = int.MaxValue }, all =>
        {
            if (VisaFilter(all, request) is not { } result)
            {
                return AdvisorResult.Fail($"No {Markup.Escape(all.Assessment.Calibration.Specialty)} program in the catalog reports which visas it sponsors, so I cannot list {request.Visa} programs: check each program's website.");
            }

            var overall = result with { Programs = [.. result.Programs.Take(top)] };
            var order = RankPage.Order(result, places);
            var page = Math.Max(1, request.Page);
            var lines = RankPage.Lines(order, page, places, request.Top);
            var more = page * RankPage.Size < Math.Min(order.Count, request.Top ?? int.MaxValue)
                ? [new Choice("More", MorePayload(request, page + 1))]
                : Array.Empty<Choice>();
            var steps = page == 1 ? NextSteps.For(engine, profile, result, new RankQuery(result.Assessment.Calibration.Specialty, Year, Area(request.Region), request.State, 1)) : [];
            var deadEnd = order.Count == 0 || result.Plan.PMatch < LowChance;
            var stepsText = deadEnd && steps.Count > 0 ? NextSteps.Text(steps) : string.Empty;
            var text = page == 1 ? RankPage.Head(result) + RankText.Unrated(result, profile.Step2ck?.Score is null) + (order.Count == 0 ? stepsText : string.Empty) + lines : lines;
            var first = Reply.Private(text) with { Choices = more, Image = page == 1 ? RatedChart(overall) : null };
            var json = RankJson.Rank(overall);
            json["nextSteps"] = NextSteps.Json(steps);
            return new AdvisorResult(order.Count > 0 && stepsText.Length > 0 ? [first, Reply.Private(stepsText)] : [first], json) { Shown = ShownOn(order, page, request.Top) };
        });
    }

    internal static IReadOnlyList<(string AcgmeId, string Name)> ShownOn(IReadOnlyList<ScoredProgram> order, int page, int? cap) =>
        [.. RankPage.Shown(order, page, cap).Select(p => (p.Program.AcgmeId, p.Program.Name))];

    /// <summary>Below this plan chance the reply says what would change it (issue 11: no dead ends).</summary>
    internal const double LowChance = 0.2;

    private static string? Area(string? region) => region is { } r && !r.Equals("Anywhere", StringComparison.OrdinalIgnoreCase) ? r : null;

    /// <summary>Only programs reporting the asked visa; null when no program of the specialty reports visas at all.</summary>
    private static RankResult? VisaFilter(RankResult r, RankRequest request) =>
        request.Visa is not { } visa ? r
        : r.Programs.All(p => p.Program.Visas is null) ? null
        : r with { Programs = [.. r.Programs.Where(p => p.Program.Visas is { } v && v.HasFlag(visa))] };

    /// <summary>The "More" button's command: the same filters, the next page (long payloads become a stored token).</summary>
    internal static string MorePayload(RankRequest request, int page, string command = "cmd:rank") =>
        string.Join(' ', new[] { command, request.Specialty, request.Region, request.State, request.Top?.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Visa?.ToString().ToLowerInvariant(), "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(w => !string.IsNullOrEmpty(w)));

    public AdvisorResult Plan(ApplicantProfile profile, RankRequest request) => Several(profile, request) is { } several
        ? Across(profile, request, several, (m, region) => MultiRank.Plan(m, engine.Model, [.. m.Specialties.Select(r => new PlanPages.SignalGroup(r.Assessment.Calibration.Specialty, SignalPlacer.Place(r, profile, engine.Model.Settings.Signals.GetValueOrDefault(r.Assessment.Calibration.Specialty))))], request, Top(request), Listed(profile, request, region)))
        : Run(profile, request with { Top = int.MaxValue }, all =>
        {
            var signals = SignalPlacer.Place(all, profile, engine.Model.Settings.Signals.GetValueOrDefault(all.Assessment.Calibration.Specialty));
            var result = all with { Programs = [.. all.Programs.Take(request.Top is null or 0 ? options.Value.DefaultTop : request.Top.Value)] };
            var page = Math.Max(1, request.Page);
            var text = page == 1 ? PlanText.Render(result, engine.Model, [new(null, signals)]) : PlanPages.Details([new(null, signals)], result.Plan, engine.Model, tagSpecialty: false);
            return new AdvisorResult([Reply.Private(text) with { Image = page == 1 ? charts.PlanChart(result) : null, Choices = PlanPages.More(request, page) }], RankJson.Plan(result, engine.Model, signals));
        });

    public AdvisorResult ExplainScore(ApplicantProfile profile, string? acgmeId, string? specialty)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (acgmeId is not null)
        {
            return ExplainProgram(profile, acgmeId.Trim());
        }

        var cal = ResolveCalibration(profile, specialty, out var error);
        if (cal is null)
        {
            return AdvisorResult.Fail(error!);
        }

        var standing = ScoreStanding.For(profile, cal);
        var assessment = engine.Assess(profile, cal, Year);
        var text = ExplainText.Standing(standing, assessment, document, profile);
        return new AdvisorResult([Reply.Private(text) with { Image = charts.ScoreChart(standing) }], RankJson.Standing(standing, assessment));
    }

    public AdvisorResult Chances(ApplicantProfile profile, ChancesRequest request)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(request);
        var cal = ResolveCalibration(profile, request.Specialty, out var error);
        if (cal is null)
        {
            return AdvisorResult.Fail(error!);
        }

        if ((request.Interviews ?? profile.Interviews) is not { } count)
        {
            return AdvisorResult.Fail("How many interview invitations do you have so far? For example: /chances 3 (or 0 if none yet).");
        }

        if (count is < 0 or > ProfileValidator.MaxInterviews)
        {
            return AdvisorResult.Fail($"The number of interviews must be between 0 and {ProfileValidator.MaxInterviews}.");
        }

        var result = InterviewChances.For(engine, profile, new ChancesQuery(cal.Specialty, Year, count, request.Programs));
        return new AdvisorResult([Reply.Private(ChancesText.Render(result))], RankJson.Chances(result));
    }

    private int Year => clock.GetUtcNow().Year;

    private AdvisorResult ExplainProgram(ApplicantProfile profile, string acgmeId)
    {
        if (engine.Model.Program(acgmeId) is not { } program)
        {
            if (ProgramIds.IsValid(acgmeId))
            {
                return AdvisorResult.Fail($"No program with ACGME ID {Markup.Escape(acgmeId)} in the catalog.");
            }

            var found = ProgramNames.Find(engine.Model.Programs, acgmeId);
            if (found.Count > 1 && found.Where(p => profile.Specialties.Contains(p.Specialty, StringComparer.OrdinalIgnoreCase)).ToList() is { Count: > 0 } mine)
            {
                found = mine; // the same hospital in several specialties: the applicant's own first
            }

            if (found.Count != 1)
            {
                return ProgramNames.Ask(found, acgmeId);
            }

            program = found[0];
        }

        if (engine.Model.Calibration(program.Specialty) is not { } cal)
        {
            return AdvisorResult.Fail($"{program.Specialty} has no NRMP calibration, so programs in it cannot be scored.");
        }

        var assessment = engine.Assess(profile, cal, Year);
        var scored = engine.Score(profile, program, assessment, Year);
        var json = RankJson.Program(scored);
        json["specialty"] = cal.Specialty;
        json["matchProbability"] = Math.Round(assessment.MatchProbability, 4);
        return new AdvisorResult([Reply.Private(ProgramExplainText.Render(scored, engine.Model.Settings))], json);
    }

    /// <summary>The calibrated specialties of the profile when it names more than one and the request does not pick one.</summary>
    private List<string>? Several(ApplicantProfile profile, RankRequest request)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Specialty is not null)
        {
            return null;
        }

        var named = profile.Specialties.Select(s => engine.Model.ResolveSpecialty(s)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return named.Count > 1 || (named.Count == 1 && UncalibratedNames(profile).Count > 0) ? named : null;
    }

    /// <summary>Named specialties the catalog lists without an NRMP curve (Transitional Year, Preliminary Medicine).</summary>
    private List<string> UncalibratedNames(ApplicantProfile profile) =>
        [.. profile.Specialties.Where(s => engine.Model.ResolveSpecialty(s) is null).Select(s => Intake.Vocabulary.Specialty(s) ?? s.Trim())
            .Where(s => UncalibratedList.Lists(engine.Model, s)).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Their programs, in a plan across specialties: listed, adding no chance (issue 15, point 5).</summary>
    private List<UncalibratedResult> Listed(ApplicantProfile profile, RankRequest request, string? region) =>
        [.. UncalibratedNames(profile).Select(s => UncalibratedList.Build(engine.Model, profile, new RankQuery(s, Year, region, request.State, Top(request))))];

    private int Top(RankRequest request) => request.Top is null or 0 ? options.Value.DefaultTop : request.Top.Value;

    /// <summary>An unknown region or a negative count, said plainly; null when the filters are usable.</summary>
    private static AdvisorResult? Invalid(RankRequest request) =>
        Area(request.Region) is { } region && Regions.Resolve(region).Count == 0
            ? AdvisorResult.Fail($"Unknown region '{Markup.Escape(region)}'. Use SoCal, LA, OC, SD, IE, VSB or CV.")
            : request.Top is < 0 ? AdvisorResult.Fail("The number of programs must be positive.") : null;

    private AdvisorResult Across(ApplicantProfile profile, RankRequest request, List<string> specialties, Func<MultiRankResult, string?, AdvisorResult> render)
    {
        if (Invalid(request) is { } invalid)
        {
            return invalid;
        }

        var region = Area(request.Region);
        var result = engine.RankAcross(profile, [.. specialties.Select(s => new RankQuery(s, Year, region, request.State, int.MaxValue))]);
        if (request.Visa is { } visa)
        {
            var filtered = result.Specialties.Select(r => VisaFilter(r, request)).ToList();
            if (filtered.All(r => r is null))
            {
                return AdvisorResult.Fail($"No program of {string.Join(" or ", specialties)} in the catalog reports which visas it sponsors, so I cannot list {visa} programs: check each program's website.");
            }

            result = result with { Specialties = [.. result.Specialties.Select((r, i) => filtered[i] ?? r with { Programs = [] })] };
        }

        return render(result, region);
    }

    private AdvisorResult Run(ApplicantProfile profile, RankRequest request, Func<RankResult, AdvisorResult> render)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(request);
        var cal = ResolveCalibration(profile, request.Specialty, out var error);
        if (cal is null)
        {
            return AdvisorResult.Fail(error!);
        }

        if (Invalid(request) is { } invalid)
        {
            return invalid;
        }

        var region = Area(request.Region);

        var top = request.Top is null or 0 ? options.Value.DefaultTop : request.Top;
        var result = engine.Rank(profile, new RankQuery(cal.Specialty, Year, region, request.State, top));
        return render(result);
    }

    private SpecialtyCalibration? ResolveCalibration(ApplicantProfile profile, string? requested, out string? error)
    {
        var name = requested ?? (profile.Specialties.Count > 0 ? profile.Specialties[0] : null);
        error = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            error = "Your profile has no specialty yet: set one with /profile.";
            return null;
        }

        var canonical = engine.Model.ResolveSpecialty(name);
        if (canonical is null)
        {
            error = $"No NRMP calibration for '{Markup.Escape(name)}'. Specialties I can rank: {string.Join(", ", Specialties)}.";
            return null;
        }

        return engine.Model.Calibration(canonical);
    }

    /// <summary>The list chart draws rated programs only: an unrated program has no personal percentage to draw.</summary>
    private ReplyImage? RatedChart(RankResult result)
    {
        var rated = result.Programs.Where(p => TierNames.Rated(p.Program)).ToList();
        return rated.Count == 0 ? null : charts.ListChart(result with { Programs = rated });
    }
}
