namespace SmartPick.Ranking.Catalog;

/// <summary>
/// One fact a cited page states about a program or track (<c>knowledge/programs/socal/facts.csv</c>), kept with its
/// source, date and verbatim quote so explanations can cite it. A fact not found is absent ("not reported").
/// </summary>
public sealed record ProgramFact(string Fact, string Value, Provenance Provenance, string Quote, string Reliability, string? Notes);
