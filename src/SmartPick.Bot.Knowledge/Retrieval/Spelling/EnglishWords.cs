using System.Reflection;

namespace SmartPick.Bot.Knowledge.Retrieval.Spelling;

/// <summary>
/// Lower-case English words (SCOWL size 50 via Debian wamerican; source and licence in english-words.LICENSE.txt),
/// embedded in the assembly so the host never depends on /usr/share/dict. Spelling correction touches only tokens
/// that are not in this list, so real words ("rent", "fees", "overkill") are never rewritten into guide words.
/// </summary>
public static class EnglishWords
{
    private static readonly Lazy<HashSet<string>> Words = new(Load);

    public static bool Contains(string token) => Words.Value.Contains(token);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SmartPick.Bot.Knowledge.english-words.txt")
            ?? throw new InvalidOperationException("The embedded English word list is missing.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) words.Add(line);
        }

        return words;
    }
}
