namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>Reads the three socal CSV files as tables (structure only: header columns, field counts, quoting).</summary>
public static class SocalTables
{
    public static (CsvTable Programs, CsvTable Facts, CsvTable Unverified) Read(string directory) => (
        Table(directory, SocalSchema.ProgramsFile, SocalSchema.ProgramColumns),
        Table(directory, SocalSchema.FactsFile, SocalSchema.FactColumns),
        Table(directory, SocalSchema.UnverifiedFile, SocalSchema.UnverifiedColumns));

    public static CsvTable Table(string directory, string file, IEnumerable<string> columns)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new CatalogFormatException($"{path}: file not found");
        }

        using var reader = new StreamReader(path);
        return CsvTable.Parse(reader, file, columns);
    }
}
