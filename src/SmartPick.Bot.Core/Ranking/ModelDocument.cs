namespace SmartPick.Bot.Core.Ranking;

/// <summary>knowledge/model.md split by "## " headings, so /explain-score can quote the model in its own words.</summary>
public sealed class ModelDocument(IReadOnlyDictionary<string, string> sections)
{
    public static ModelDocument Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>First paragraph of the section whose heading starts with <paramref name="prefix"/> (e.g. "4."), or null.</summary>
    public string? Quote(string prefix) =>
        sections.FirstOrDefault(kv => kv.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Value;

    public static ModelDocument Load(string knowledgeDirectory)
    {
        var path = Path.Combine(knowledgeDirectory, "model.md");
        if (!File.Exists(path))
        {
            return Empty;
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? heading = null;
        var paragraph = new List<string>();
        foreach (var line in File.ReadLines(path).Append("## end"))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (heading is not null && paragraph.Count > 0)
                {
                    result[heading] = string.Join(' ', paragraph);
                }

                heading = line[3..].Trim();
                paragraph.Clear();
            }
            else if (heading is not null && !result.ContainsKey(heading))
            {
                if (line.Trim().Length == 0 && paragraph.Count > 0)
                {
                    result[heading] = string.Join(' ', paragraph);
                }
                else if (line.Trim().Length > 0 && !line.StartsWith('#') && !line.StartsWith('|'))
                {
                    paragraph.Add(line.Trim());
                }
            }
        }

        return new ModelDocument(result);
    }
}
