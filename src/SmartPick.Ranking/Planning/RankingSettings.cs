namespace SmartPick.Ranking.Planning;

/// <summary>ERAS signal counts for one specialty and season (AAMC 2025 table, domain-data §11).</summary>
public sealed class SignalQuota
{
    public int Gold { get; set; }
    public int Silver { get; set; }
    public int Standard { get; set; }
}

/// <summary>Tier thresholds and plan limits. Defaults are documented in knowledge/model.md §6–§7.</summary>
public sealed class RankingSettings
{
    /// <summary>Interview probability at or above which a program is a higher chance.</summary>
    public double HigherChanceAtLeast { get; set; } = 0.25;

    /// <summary>Interview probability at or above which a program is possible (below: a long shot).</summary>
    public double PossibleAtLeast { get; set; } = 0.08;

    /// <summary>Stop recommending when one more application adds less than this share of the current P(match).</summary>
    public double MinRelativeGain { get; set; } = 0.005;

    public int MaxApplications { get; set; } = 120;

    /// <summary>In a plan across specialties, each specialty the applicant names keeps at least this many of its best programs.</summary>
    public int MinPerSpecialty { get; set; } = 10;

    public Dictionary<string, SignalQuota> Signals { get; set; } = DefaultSignals();

    public static Dictionary<string, SignalQuota> DefaultSignals() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Internal Medicine"] = new() { Gold = 3, Silver = 12 },
        ["Family Medicine"] = new() { Standard = 5 },
        ["Pediatrics"] = new() { Standard = 5 },
        ["Psychiatry"] = new() { Standard = 10 },
        ["Neurology"] = new() { Standard = 8 },
        ["Transitional Year"] = new() { Standard = 12 },
    };

    public Tier TierFor(double interviewProbability) =>
        interviewProbability >= HigherChanceAtLeast ? Tier.HigherChance : interviewProbability >= PossibleAtLeast ? Tier.Possible : Tier.LongShot;
}
