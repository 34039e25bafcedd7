using SmartPick.Bot.Core.Messaging;
using Telegram.Bot.Extensions;

namespace SmartPick.Bot.Telegram.Rendering;

/// <summary>
/// Splits Core markup into parts whose rendered HTML stays under Telegram's 4096 visible characters. It splits
/// the markup (at paragraphs, then lines, then spaces) and renders each part separately, so a part never ends
/// inside a tag or an entity. Markup spans never cross a line, so paragraph and line cuts keep styling intact;
/// a cut inside a line is only taken where it leaves every span whole.
/// </summary>
public static class MessageSplitter
{
    /// <summary>Room under Telegram's 4096 for safety.</summary>
    public const int DefaultLimit = 4000;

    public static IReadOnlyList<string> SplitToHtml(string markup, int limit = DefaultLimit) =>
        [.. Split(markup, limit).Select(Markup.ToHtml).Where(html => HtmlText.PlainLength(html) > 0)];

    /// <summary>Visible length of a markup fragment once Telegram has parsed the HTML.</summary>
    public static int VisibleLength(string markup) => HtmlText.PlainLength(Markup.ToHtml(markup));

    public static IReadOnlyList<string> Split(string markup, int limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(markup);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        var parts = new List<string>();
        Pack(markup.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"), "\n\n", limit, parts, SplitParagraph);
        return parts;
    }

    private static void SplitParagraph(string paragraph, int limit, List<string> parts) =>
        Pack(paragraph.Split('\n'), "\n", limit, parts, SplitLine);

    /// <summary>Greedy packing of pieces joined by <paramref name="separator"/>; oversized pieces go to <paramref name="splitFurther"/>.</summary>
    private static void Pack(string[] pieces, string separator, int limit, List<string> parts, Action<string, int, List<string>> splitFurther)
    {
        var current = string.Empty;
        var currentLength = 0;
        foreach (var piece in pieces)
        {
            var length = VisibleLength(piece);
            if (current.Length > 0 && currentLength + separator.Length + length <= limit)
            {
                current += separator + piece;
                currentLength += separator.Length + length;
                continue;
            }

            Flush(parts, ref current, ref currentLength);
            if (length <= limit)
            {
                (current, currentLength) = (piece, length);
            }
            else
            {
                splitFurther(piece, limit, parts);
            }
        }

        Flush(parts, ref current, ref currentLength);
    }

    private static void Flush(List<string> parts, ref string current, ref int length)
    {
        if (!string.IsNullOrWhiteSpace(current))
        {
            parts.Add(current);
        }

        (current, length) = (string.Empty, 0);
    }

    private static void SplitLine(string line, int limit, List<string> parts)
    {
        var rest = line;
        while (VisibleLength(rest) > limit)
        {
            var cut = FindCut(rest, limit);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (!string.IsNullOrWhiteSpace(rest))
        {
            parts.Add(rest);
        }
    }

    /// <summary>The last space whose prefix fits and that leaves every span whole; a hard cut if there is none.</summary>
    private static int FindCut(string line, int limit)
    {
        var whole = Markup.ToPlainText(line);
        var fallback = -1;
        for (var i = line.LastIndexOf(' '); i > 0; i = line.LastIndexOf(' ', i - 1))
        {
            if (VisibleLength(line[..i]) > limit)
            {
                continue;
            }

            fallback = fallback < 0 ? i : fallback;
            if (Markup.ToPlainText(line[..i]) + " " + Markup.ToPlainText(line[(i + 1)..]) == whole)
            {
                return i;
            }
        }

        if (fallback > 0)
        {
            return fallback;
        }

        // No usable space: cut by characters, stepping back over a dangling escape backslash.
        var cut = Math.Min(limit, line.Length - 1);
        while (cut > 1 && VisibleLength(line[..cut]) > limit)
        {
            cut -= Math.Max(1, cut / 10);
        }

        return line[cut - 1] == '\\' ? cut - 1 : cut;
    }
}
