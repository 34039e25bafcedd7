using System.Net;
using System.Text;

namespace SmartPick.Bot.Core.Messaging;

/// <summary>
/// The engine's small, platform-neutral markup: <c>**bold**</c>, <c>_italic_</c>, <c>[text](https://url)</c>,
/// lines starting with <c>- </c> for lists. A backslash escapes the next character. User-supplied text must go
/// through <see cref="Escape"/> before it is placed in a reply, so it can never turn into markup.
/// </summary>
public static class Markup
{
    private const string Special = "\\*_[]()`";

    /// <summary>Escapes user text so every character renders literally.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Plain text (console, alt text, length checks): markers dropped, links as "text (url)".</summary>
    public static string ToPlainText(string markup) => Render(markup, PlainSink.Instance);

    /// <summary>HTML with only b, i and a tags; everything else entity-escaped (Telegram's HTML parse mode).</summary>
    public static string ToHtml(string markup) => Render(markup, HtmlSink.Instance);

    /// <summary>Discord-flavoured Markdown with user text escaped.</summary>
    public static string ToDiscordMarkdown(string markup) => Render(markup, DiscordSink.Instance);

    /// <summary>Parses markup into styled spans; unmatched markers are kept as literal text.</summary>
    public static IReadOnlyList<MarkupSpan> Parse(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        var spans = new List<MarkupSpan>();
        var text = new StringBuilder();
        bool bold = false, italic = false;

        void Flush()
        {
            if (text.Length > 0)
            {
                spans.Add(new MarkupSpan(text.ToString(), bold, italic, null));
                text.Clear();
            }
        }

        for (var i = 0; i < markup.Length; i++)
        {
            var c = markup[i];
            if (c == '\\' && i + 1 < markup.Length)
            {
                text.Append(markup[++i]);
            }
            else if (c == '*' && i + 1 < markup.Length && markup[i + 1] == '*' && (bold || HasCloser(markup, i + 2, "**")))
            {
                Flush();
                bold = !bold;
                i++;
            }
            else if (c == '_' && IsItalicMarker(markup, i, italic))
            {
                Flush();
                italic = !italic;
            }
            else if (c == '[' && TryLink(markup, i, out var label, out var url, out var end))
            {
                Flush();
                spans.Add(new MarkupSpan(label, bold, italic, url));
                i = end;
            }
            else
            {
                text.Append(c);
            }
        }

        Flush();
        return spans;
    }

    private static bool IsItalicMarker(string s, int i, bool open)
    {
        // "_" inside words (snake_case, file names) is literal; only word-boundary underscores toggle italics.
        var before = i == 0 ? ' ' : s[i - 1];
        var after = i + 1 < s.Length ? s[i + 1] : ' ';
        return open
            ? !char.IsWhiteSpace(before) && !char.IsLetterOrDigit(after)
            : !char.IsLetterOrDigit(before) && !char.IsWhiteSpace(after) && HasCloser(s, i + 1, "_");
    }

    private static bool HasCloser(string s, int from, string marker)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '\n')
            {
                return false;
            }
            else if (string.CompareOrdinal(s, i, marker, 0, marker.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryLink(string s, int start, out string label, out string url, out int end)
    {
        label = url = string.Empty;
        end = start;
        var close = s.IndexOf("](", start, StringComparison.Ordinal);
        if (close < 0 || s.IndexOf('\n', start, close - start) >= 0)
        {
            return false;
        }

        var urlEnd = s.IndexOf(')', close + 2);
        if (urlEnd < 0)
        {
            return false;
        }

        var candidate = s[(close + 2)..urlEnd];
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        label = Unescape(s[(start + 1)..close]);
        url = candidate;
        end = urlEnd;
        return true;
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
            }

            sb.Append(s[i]);
        }

        return sb.ToString();
    }

    private static string Render(string markup, ISink sink)
    {
        var sb = new StringBuilder(markup.Length + 16);
        foreach (var span in Parse(markup))
        {
            sink.Append(sb, span);
        }

        return sb.ToString();
    }

    private interface ISink
    {
        void Append(StringBuilder sb, MarkupSpan span);
    }

    private sealed class PlainSink : ISink
    {
        public static readonly PlainSink Instance = new();

        public void Append(StringBuilder sb, MarkupSpan span)
        {
            sb.Append(span.Text);
            if (span.Url is not null && span.Url != span.Text)
            {
                sb.Append(" (").Append(span.Url).Append(')');
            }
        }
    }

    private sealed class HtmlSink : ISink
    {
        public static readonly HtmlSink Instance = new();

        public void Append(StringBuilder sb, MarkupSpan span)
        {
            var text = WebUtility.HtmlEncode(span.Text);
            if (span.Url is not null)
            {
                text = $"<a href=\"{WebUtility.HtmlEncode(span.Url)}\">{text}</a>";
            }

            if (span.Italic)
            {
                text = $"<i>{text}</i>";
            }

            if (span.Bold)
            {
                text = $"<b>{text}</b>";
            }

            sb.Append(text);
        }
    }

    private sealed class DiscordSink : ISink
    {
        public static readonly DiscordSink Instance = new();
        private const string DiscordSpecial = "\\*_~`|>[]()#-<@";

        public void Append(StringBuilder sb, MarkupSpan span)
        {
            var text = EscapeDiscord(span.Text);
            if (span.Url is not null)
            {
                text = $"[{text}](<{span.Url}>)";
            }

            if (span.Italic)
            {
                text = $"*{text}*";
            }

            if (span.Bold)
            {
                text = $"**{text}**";
            }

            sb.Append(text);
        }

        private static string EscapeDiscord(string text)
        {
            var sb = new StringBuilder(text.Length + 8);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];

                // Keep "- " list bullets at line starts and plain hyphens inside words readable.
                var literalHyphen = c == '-' && (i == 0 || text[i - 1] == '\n' || char.IsLetterOrDigit(text[i - 1]));
                if (DiscordSpecial.Contains(c, StringComparison.Ordinal) && !literalHyphen)
                {
                    sb.Append('\\');
                }

                sb.Append(c);
            }

            return sb.ToString();
        }
    }
}

/// <summary>A run of text with one style; <see cref="Url"/> is set for links.</summary>
public sealed record MarkupSpan(string Text, bool Bold, bool Italic, string? Url);
