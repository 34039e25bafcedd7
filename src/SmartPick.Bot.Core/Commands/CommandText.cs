namespace SmartPick.Bot.Core.Commands;

/// <summary>Reads "/explain_score@SmartPickBot 1400531031" into a canonical name and its argument text.</summary>
public static class CommandText
{
    public static readonly IReadOnlyList<string> Names = ["start", "help", "profile", "rank", "explain-score", "plan", "chances", "ask", "forget", "export", "list", "compare", "timeline", "remind", "privacy", "report", "faq", "settings"];

    /// <summary>Returns false when the text is not a slash command.</summary>
    public static bool TryParse(string text, out string name, out string arguments)
    {
        name = arguments = string.Empty;
        var t = text.TrimStart();
        if (t.Length < 2 || t[0] != '/')
        {
            return false;
        }

        var end = 1;
        while (end < t.Length && !char.IsWhiteSpace(t[end]))
        {
            end++;
        }

        name = Canonical(t[1..end]);
        arguments = t[end..].Trim();
        return name.Length > 0;
    }

    /// <summary>Lower-case, without "@botname", underscores read as hyphens ("explain_score" → "explain-score").</summary>
    public static string Canonical(string raw)
    {
        var at = raw.IndexOf('@', StringComparison.Ordinal);
        var name = (at >= 0 ? raw[..at] : raw).Trim().TrimStart('/').ToLowerInvariant().Replace('_', '-');
        return name == "explainscore" ? "explain-score" : name;
    }
}
