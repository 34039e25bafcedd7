using System.ComponentModel.DataAnnotations;
using SmartPick.Ranking.Model;
using SmartPick.Ranking.Planning;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>Ranking configuration (section <c>SmartPick:Ranking</c>). Defaults and their sources: knowledge/model.md.</summary>
public sealed class RankingOptions
{
    public const string SectionName = "SmartPick:Ranking";

    /// <summary>Directory holding programs/, outcomes/ and model.md; relative paths resolve against the app directory.</summary>
    [Required]
    public string KnowledgePath { get; set; } = "knowledge";

    /// <summary>Optional CSV in the catalog's shape that adds or corrects programs without a rebuild.</summary>
    public string? OverrideFile { get; set; }

    [Range(0.0001, 1)]
    public double PossibleAtLeast { get; set; } = 0.08;

    [Range(0.0001, 1)]
    public double HigherChanceAtLeast { get; set; } = 0.25;

    /// <summary>Stop recommending when one more application adds less than this share of the current P(match).</summary>
    [Range(0, 0.5)]
    public double MinRelativeGain { get; set; } = 0.005;

    [Range(1, 2000)]
    public int MaxApplications { get; set; } = 120;

    /// <summary>In a plan across specialties, each named specialty keeps at least this many of its best programs.</summary>
    [Range(0, 2000)]
    public int MinPerSpecialty { get; set; } = 10;

    /// <summary>Programs listed when the request gives no count.</summary>
    [Range(1, 2000)]
    public int DefaultTop { get; set; } = 20;

    /// <summary>ERAS signals per specialty for the season (AAMC 2025 table by default).</summary>
    public Dictionary<string, SignalQuota> Signals { get; set; } = RankingSettings.DefaultSignals();

    public ModelCoefficients Coefficients { get; set; } = new();

    public string ResolveKnowledgePath() =>
        Path.IsPathRooted(KnowledgePath) ? KnowledgePath : Path.Combine(AppContext.BaseDirectory, KnowledgePath);

    public RankingSettings ToSettings() => new()
    {
        PossibleAtLeast = PossibleAtLeast,
        HigherChanceAtLeast = HigherChanceAtLeast,
        MinRelativeGain = MinRelativeGain,
        MaxApplications = MaxApplications,
        MinPerSpecialty = MinPerSpecialty,
        Signals = new Dictionary<string, SignalQuota>(Signals, StringComparer.OrdinalIgnoreCase),
    };
}
