namespace SmartPick.Ranking.Catalog;

/// <summary>A knowledge file that cannot be loaded; the message names the file, row and column.</summary>
public sealed class CatalogFormatException : Exception
{
    public CatalogFormatException()
    {
    }

    public CatalogFormatException(string message)
        : base(message)
    {
    }

    public CatalogFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static CatalogFormatException At(string file, int row, string column, string problem) =>
        new($"{file}: row {row}, column '{column}': {problem}");
}
