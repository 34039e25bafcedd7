using System.Text;

namespace SmartPick.Bot.Telegram.Tests.Fakes;

/// <summary>
/// The fake server's own reading of Bot API HTML (written from the Bot API docs, independent of the adapter):
/// supported tags only, properly nested, entities limited to the named four and numeric ones. Returns the plain
/// text Telegram would store, or the error text Telegram answers with.
/// </summary>
internal static class TelegramHtml
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"];

    public static bool TryParse(string html, out string plain, out string? error)
    {
        var sb = new StringBuilder(html.Length);
        var open = new Stack<string>();
        plain = string.Empty;
        error = null;
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    error = $"Can't parse entities: unclosed start tag at byte offset {i}";
                    return false;
                }

                var inner = html[(i + 1)..end];
                var closing = inner.StartsWith('/');
                var name = (closing ? inner[1..] : inner).Split(' ', 2)[0].ToLowerInvariant();
                if (!Tags.Contains(name))
                {
                    error = $"Can't parse entities: unsupported start tag \"{name}\" at byte offset {i}";
                    return false;
                }

                if (closing)
                {
                    if (open.Count == 0 || open.Pop() != name)
                    {
                        error = $"Can't parse entities: can't find end tag corresponding to start tag \"{name}\"";
                        return false;
                    }
                }
                else
                {
                    if (name == "a" && !inner.Contains("href=\"", StringComparison.Ordinal))
                    {
                        error = "Can't parse entities: a tag without href";
                        return false;
                    }

                    open.Push(name);
                }

                i = end;
            }
            else if (c == '&')
            {
                var end = html.IndexOf(';', i);
                var entity = end < 0 ? string.Empty : html[(i + 1)..end];
                var decoded = entity switch
                {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    _ when entity.StartsWith('#') && int.TryParse(entity[1..], out var code) => char.ConvertFromUtf32(code),
                    _ => null,
                };
                if (decoded is null)
                {
                    error = $"Can't parse entities: unsupported entity at byte offset {i}";
                    return false;
                }

                sb.Append(decoded);
                i = end;
            }
            else if (c == '>')
            {
                error = $"Can't parse entities: character '>' is reserved at byte offset {i}";
                return false;
            }
            else
            {
                sb.Append(c);
            }
        }

        if (open.Count > 0)
        {
            error = $"Can't parse entities: can't find end tag corresponding to start tag \"{open.Peek()}\"";
            return false;
        }

        plain = sb.ToString().Trim();
        return true;
    }
}
