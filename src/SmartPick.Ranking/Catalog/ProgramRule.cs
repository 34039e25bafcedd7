namespace SmartPick.Ranking.Catalog;

public enum RuleKind
{
    CitizensOrPermanentResidentsOnly,
    VisaAllowed,
    MaxYearsSinceGraduation,
    FirstAttemptsOnly,
    MaxFailures,
    MinScore,

    /// <summary>A military program: takes no civilian applicants (the Military Match).</summary>
    MilitaryOnly,
}

/// <summary>A rule a program states on its own website. Hard rules decide eligibility; soft ones become factors.</summary>
public sealed record ProgramRule(string AcgmeId, RuleKind Kind, string? Value, bool Hard, string Detail, Provenance Provenance)
{
    /// <summary>The <see cref="RuleKind.VisaAllowed"/> value of a program that states it sponsors no visa.</summary>
    public const string NoVisas = "none";

    public int IntValue => int.Parse(Value ?? "0", System.Globalization.CultureInfo.InvariantCulture);
}
