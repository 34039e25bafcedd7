using SmartPick.Ranking.Catalog;
using SmartPick.Ranking.Model;
using SmartPick.Ranking.Outcomes;
using SmartPick.Ranking.Planning;

namespace SmartPick.Ranking;

/// <summary>Everything the ranking needs, loaded once: catalog, stated rules, specialty calibration, coefficients, settings.</summary>
public sealed class RankingModel
{
    private readonly Dictionary<string, IReadOnlyList<ProgramRule>> _rules;
    private readonly Dictionary<string, SpecialtyCalibration> _calibrations;
    private readonly Dictionary<string, ProgramRecord[]> _bySpecialty;
    private readonly Dictionary<string, ProgramRecord> _byId;
    private readonly HashSet<string> _withVisaData;

    public RankingModel(IReadOnlyList<ProgramRecord> programs, IReadOnlyList<ProgramRule> rules, IReadOnlyList<SpecialtyCalibration> calibrations, ModelCoefficients? coefficients = null, RankingSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(calibrations);
        Programs = programs;
        Coefficients = coefficients ?? new ModelCoefficients();
        Settings = settings ?? new RankingSettings();
        _rules = rules.GroupBy(r => r.AcgmeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<ProgramRule>)[.. g], StringComparer.Ordinal);
        _calibrations = calibrations.ToDictionary(c => c.Specialty, StringComparer.OrdinalIgnoreCase);
        _bySpecialty = programs.GroupBy(p => p.Specialty, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        _byId = programs.ToDictionary(p => p.AcgmeId, StringComparer.Ordinal);
        _withVisaData = new HashSet<string>(programs.Where(p => p.Visas is not null).Select(p => p.Specialty), StringComparer.OrdinalIgnoreCase);
        Specialties = [.. calibrations.Select(c => c.Specialty).Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<ProgramRecord> Programs { get; }

    /// <summary>Programs known to exist that no cited list confirmed (knowledge/programs/socal): never ranked, counted in coverage.</summary>
    public IReadOnlyList<Catalog.Socal.UnverifiedProgram> Unverified { get; init; } = [];

    public ModelCoefficients Coefficients { get; }

    public RankingSettings Settings { get; }

    /// <summary>Specialties with an NRMP calibration (the ones the bot can rank).</summary>
    public IReadOnlyList<string> Specialties { get; }

    public IReadOnlyList<ProgramRule> RulesFor(string acgmeId) => _rules.TryGetValue(acgmeId, out var r) ? r : [];

    public SpecialtyCalibration? Calibration(string specialty) => _calibrations.GetValueOrDefault(specialty);

    public IReadOnlyList<ProgramRecord> ProgramsIn(string specialty) => _bySpecialty.TryGetValue(specialty, out var p) ? p : [];

    public ProgramRecord? Program(string acgmeId) => _byId.GetValueOrDefault(acgmeId);

    /// <summary>Whether any program of the specialty reports visa sponsorship (a visa column exists for it).</summary>
    public bool ReportsVisas(string specialty) => _withVisaData.Contains(specialty);

    public string? ResolveSpecialty(string name) => SpecialtyNames.Resolve(name, Specialties);
}
