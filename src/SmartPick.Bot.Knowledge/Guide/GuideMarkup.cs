using System.Text;
using System.Text.RegularExpressions;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Knowledge.Guide;

/// <summary>
/// Converts guide markdown into the engine's <see cref="Markup"/> (links kept when absolute http(s), emphasis kept,
/// everything else escaped) or into plain text for indexing (link labels only, no URLs).
/// </summary>
public static partial class GuideMarkup
{
    /// <summary>One markdown line (no block structure) to Markup.</summary>
    public static string InlineToMarkup(string markdown)
    {
        var sb = new StringBuilder(markdown.Length + 8);
        var last = 0;
        foreach (Match m in Inline().Matches(markdown))
        {
            sb.Append(Markup.Escape(markdown[last..m.Index]));
            if (m.Groups["label"].Success)
            {
                var label = m.Groups["label"].Value;
                var url = m.Groups["url"].Value;
                sb.Append(IsWebUrl(url) ? $"[{Markup.Escape(StripInline(label))}]({url})" : Markup.Escape(StripInline(label)));
            }
            else if (m.Groups["bold"].Success)
            {
                sb.Append("**").Append(InlineToMarkup(m.Groups["bold"].Value)).Append("**");
            }
            else if (m.Groups["it"].Success || m.Groups["it2"].Success)
            {
                var inner = m.Groups["it"].Success ? m.Groups["it"].Value : m.Groups["it2"].Value;
                sb.Append('_').Append(Markup.Escape(StripInline(inner))).Append('_');
            }
            else
            {
                sb.Append(Markup.Escape(m.Groups["code"].Value));
            }

            last = m.Index + m.Length;
        }

        sb.Append(Markup.Escape(markdown[last..]));
        return sb.ToString();
    }

    /// <summary>A block of markdown lines to Markup: <c>###</c> lines become bold, bullets become "- ".</summary>
    public static string BlockToMarkup(string markdown)
    {
        var lines = new List<string>();
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd();
            var sub = SubHeading().Match(line);
            if (sub.Success)
            {
                lines.Add($"**{InlineToMarkup(sub.Groups["text"].Value)}**");
                continue;
            }

            var bullet = Bullet().Match(line);
            lines.Add(bullet.Success ? "- " + InlineToMarkup(bullet.Groups["text"].Value) : InlineToMarkup(line.TrimStart('>', ' ')));
        }

        return string.Join('\n', lines).Trim();
    }

    /// <summary>Markdown to plain text: markers and URLs dropped, link labels kept, one line per source line.</summary>
    public static string ToPlainText(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd();
            var sub = SubHeading().Match(line);
            var bullet = Bullet().Match(line);
            var text = sub.Success ? sub.Groups["text"].Value : bullet.Success ? bullet.Groups["text"].Value : line.TrimStart('>', ' ');
            sb.Append(StripInline(text)).Append('\n');
        }

        return sb.ToString().Trim();
    }

    private static string StripInline(string markdown) =>
        Inline().Replace(markdown, m =>
            m.Groups["label"].Success ? StripInline(m.Groups["label"].Value)
            : m.Groups["bold"].Success ? StripInline(m.Groups["bold"].Value)
            : m.Groups["it"].Success ? m.Groups["it"].Value
            : m.Groups["it2"].Success ? m.Groups["it2"].Value
            : m.Groups["code"].Value);

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !url.Contains(')', StringComparison.Ordinal);

    [GeneratedRegex(@"\[(?<label>[^\]\n]+)\]\((?<url>[^)\s]+)(?:\s+""[^""]*"")?\)|\*\*(?<bold>[^\n]+?)\*\*|(?<![\w*])\*(?<it>[^*\n]+?)\*(?![\w*])|(?<!\w)_(?<it2>[^_\n]+?)_(?!\w)|`(?<code>[^`\n]+)`")]
    private static partial Regex Inline();

    [GeneratedRegex(@"^#{3,6}\s+(?<text>.+?)\s*#*$")]
    private static partial Regex SubHeading();

    [GeneratedRegex(@"^\s*[-*+]\s+(?<text>.*)$")]
    private static partial Regex Bullet();
}
