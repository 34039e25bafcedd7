using System.Globalization;
using SmartPick.Ranking.Catalog;

namespace SmartPick.Bot.Core.List;

/// <summary>A list entry with the catalog's facts (null when no longer listed) and the ranking's verdict (null without a profile).</summary>
public sealed record ListRow(ListEntry Entry, ProgramChoice? Choice, ProgramVerdict? Verdict)
{
    public ProgramRecord? Program => Choice?.Program;

    public string Name => Choice?.Name ?? $"Program {Entry.ProgramId} (no longer in the catalog)";

    /// <summary>"J-1, H-1B", "none", or "not reported" when the source says nothing.</summary>
    public string VisaText => Visas(Program?.Visas);

    public string ChanceText => Verdict?.Chance is { } c ? c.ToString("0%", CultureInfo.InvariantCulture) : "not rated";

    public static string Visas(VisaSupport? visas) => visas switch
    {
        null => "not reported",
        VisaSupport.None => "none",
        { } v => string.Join(", ", new[] { (VisaSupport.J1, "J-1"), (VisaSupport.H1B, "H-1B"), (VisaSupport.F1, "F-1") }
            .Where(x => v.HasFlag(x.Item1)).Select(x => x.Item2)),
    };
}
