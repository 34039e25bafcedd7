using System.Text.RegularExpressions;

namespace SmartPick.Bot.Knowledge.Answering;

/// <summary>A sentence or list item of a section, with its paragraph number so neighbours can be re-joined.</summary>
public sealed partial record PassageUnit(string Markdown, int Paragraph, int Order, bool IsListItem)
{
    /// <summary>Splits a section body into sentences and list items; <c>###</c> lines and blank lines end paragraphs.</summary>
    public static IReadOnlyList<PassageUnit> Split(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var units = new List<PassageUnit>();
        var paragraph = 0;
        var text = new List<string>();

        void Flush()
        {
            if (text.Count > 0)
            {
                foreach (var sentence in Sentences(string.Join(' ', text)))
                {
                    if (!string.IsNullOrWhiteSpace(sentence))
                    {
                        units.Add(new PassageUnit(sentence.Trim(), paragraph, units.Count, false));
                    }
                }

                text.Clear();
            }

            paragraph++;
        }

        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            var bullet = Bullet().Match(line);
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith('|'))
            {
                Flush();
            }
            else if (bullet.Success)
            {
                Flush();
                units.Add(new PassageUnit(bullet.Groups["text"].Value, paragraph, units.Count, true));
            }
            else
            {
                text.Add(line.TrimStart('>', ' '));
            }
        }

        Flush();
        return units;
    }

    public bool EndsWithColon => Markdown.TrimEnd().EndsWith(':');

    /// <summary>Splits after . ! ? followed by a capital, digit or markup opener, but never inside [..] or (..).</summary>
    private static IEnumerable<string> Sentences(string paragraph)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < paragraph.Length - 2; i++)
        {
            var c = paragraph[i];
            depth += c is '[' or '(' ? 1 : c is ']' or ')' ? -1 : 0;
            depth = Math.Max(depth, 0);
            if (depth == 0 && c is '.' or '!' or '?' && paragraph[i + 1] == ' ' && IsSentenceStart(paragraph[i + 2]) && !IsAbbreviation(paragraph, i))
            {
                yield return paragraph[start..(i + 1)];
                start = i + 2;
            }
        }

        yield return paragraph[start..];
    }

    private static bool IsSentenceStart(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '[' or '*' or '_' or '"' or '(';

    // "U.S. Programs", "e.g. X", "Dr. Smith": a one- or two-letter token before the period is not a sentence end.
    private static bool IsAbbreviation(string s, int period)
    {
        var wordStart = period;
        while (wordStart > 0 && !char.IsWhiteSpace(s[wordStart - 1]))
        {
            wordStart--;
        }

        var word = s[wordStart..period];
        return word.Contains('.', StringComparison.Ordinal) || word is "Dr" or "vs" or "Mr" or "Ms" or "St" or "No";
    }

    [GeneratedRegex(@"^(?:[-*+]|\d+[.)])\s+(?<text>.*)$")]
    private static partial Regex Bullet();
}
