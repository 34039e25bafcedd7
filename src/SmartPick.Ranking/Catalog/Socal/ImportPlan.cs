namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>
/// What <c>catalog import</c> would do: every problem (file, row, column), the changes, and the new text of
/// programs.csv and facts.csv. Nothing is written unless <see cref="SocalImport.Write"/> is called on a plan with no errors.
/// </summary>
public sealed record ImportPlan(IReadOnlyList<string> Errors, IReadOnlyList<string> Changes, string Directory, string ProgramsText, string FactsText)
{
    public int ProgramsAdded { get; init; }
    public int ProgramsChanged { get; init; }
    public int ProgramsUnchanged { get; init; }
    public int FactsAdded { get; init; }
    public int FactsChanged { get; init; }

    public bool Ok => Errors.Count == 0;

    public string Summary =>
        $"programs: {ProgramsAdded} added, {ProgramsChanged} changed, {ProgramsUnchanged} unchanged; facts: {FactsAdded} added, {FactsChanged} changed";
}
