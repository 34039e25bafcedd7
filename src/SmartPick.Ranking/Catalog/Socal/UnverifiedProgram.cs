namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>A program known to exist that no cited list confirmed: shown in the coverage report, never ranked.</summary>
public sealed record UnverifiedProgram(string Name, string Specialty, string? City, string? Region, string WhyUnverified, string? HintUrl, string NotedOn);
