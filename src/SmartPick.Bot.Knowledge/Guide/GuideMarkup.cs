using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Knowledge.Guide;

/// <summary>
/// Converts guide markdown, parsed by Markdig, into the engine's <see cref="Markup"/> (absolute http(s) links and
/// emphasis kept, everything else escaped; sub-headings bold; bullets and numbered items as list lines; table rows as
/// list lines, since chat platforms have no tables) or into plain text for indexing (link labels only, no URLs).
/// </summary>
public static class GuideMarkup
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>One line of markdown (inline content only) to Markup.</summary>
    public static string InlineToMarkup(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sb = new StringBuilder(markdown.Length + 8);
        foreach (var block in Markdown.Parse(markdown, Pipeline).Descendants<LeafBlock>())
        {
            Inlines(sb, block.Inline, plain: false);
        }

        return sb.ToString();
    }

    /// <summary>A section body to Markup; blocks keep the source's blank-line spacing.</summary>
    public static string BlockToMarkup(string markdown) => Render(markdown, plain: false);

    /// <summary>Markdown to plain text: markers and URLs dropped, link labels kept, one line per block or item.</summary>
    public static string ToPlainText(string markdown) => Render(markdown, plain: true);

    private static string Render(string markdown, bool plain)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sb = new StringBuilder(markdown.Length);
        var lines = markdown.Split('\n');
        Block? previous = null;
        foreach (var block in Markdown.Parse(markdown, Pipeline))
        {
            if (previous is not null)
            {
                sb.Append(!plain && BlankLineBefore(lines, block) ? "\n\n" : "\n");
            }

            RenderBlock(sb, block, plain);
            previous = block;
        }

        return sb.ToString().Trim();
    }

    private static void RenderBlock(StringBuilder sb, Block block, bool plain)
    {
        switch (block)
        {
            case HeadingBlock heading:
                Wrap(sb, plain ? string.Empty : "**", () => Inlines(sb, heading.Inline, plain));
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
                var first = true;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    if (!first) sb.Append('\n');
                    first = false;
                    if (!plain) sb.Append(list.IsOrdered ? $"{number++}. " : "- ");
                    var firstChild = true;
                    foreach (var child in item)
                    {
                        if (!firstChild) sb.Append(child is ListBlock ? "\n" : " ");
                        firstChild = false;
                        RenderBlock(sb, child, plain);
                    }
                }

                break;
            case Table table:
                var rows = table.OfType<TableRow>().ToList();
                var header = rows.FirstOrDefault(r => r.IsHeader);
                foreach (var row in rows.Where(r => !r.IsHeader))
                {
                    if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
                    if (!plain) sb.Append("- ");
                    var cells = row.OfType<TableCell>().ToList();
                    for (var i = 0; i < cells.Count; i++)
                    {
                        if (i > 0) sb.Append("; ");
                        if (header is not null && i < header.Count && header[i] is TableCell h && i > 0)
                        {
                            foreach (var p in h.OfType<LeafBlock>()) Inlines(sb, p.Inline, plain: true);
                            sb.Append(": ");
                        }

                        foreach (var p in cells[i].OfType<LeafBlock>()) Inlines(sb, p.Inline, plain);
                    }
                }

                break;
            case QuoteBlock quote:
                var firstQuoted = true;
                foreach (var child in quote)
                {
                    if (!firstQuoted) sb.Append('\n');
                    firstQuoted = false;
                    RenderBlock(sb, child, plain);
                }

                break;
            case LeafBlock { Inline: not null } leaf:
                Inlines(sb, leaf.Inline, plain);
                break;
            case LeafBlock leaf:
                var text = leaf.Lines.ToString();
                sb.Append(plain ? text : Markup.Escape(text));
                break;
        }
    }

    private static void Inlines(StringBuilder sb, ContainerInline? container, bool plain)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    Text(sb, literal.Content.ToString(), plain);
                    break;
                case CodeInline code:
                    Text(sb, code.Content, plain);
                    break;
                case LineBreakInline br:
                    sb.Append(br.IsHard && !plain ? "\n" : " ");
                    break;
                case LinkInline link:
                    var label = new StringBuilder();
                    Inlines(label, link, plain: true);
                    if (!plain && IsWebUrl(link.Url))
                    {
                        sb.Append('[').Append(Markup.Escape(label.ToString())).Append("](").Append(link.Url).Append(')');
                    }
                    else
                    {
                        Text(sb, label.ToString(), plain);
                    }

                    break;
                case AutolinkInline auto:
                    Text(sb, auto.Url, plain);
                    break;
                case EmphasisInline emphasis:
                    var marker = plain ? string.Empty : emphasis.DelimiterCount >= 2 ? "**" : "_";
                    if (marker == "_")
                    {
                        // Markup italics hold plain text only.
                        var inner = new StringBuilder();
                        Inlines(inner, emphasis, plain: true);
                        sb.Append('_').Append(Markup.Escape(inner.ToString())).Append('_');
                    }
                    else
                    {
                        Wrap(sb, marker, () => Inlines(sb, emphasis, plain));
                    }

                    break;
                case HtmlEntityInline entity:
                    Text(sb, entity.Transcoded.ToString(), plain);
                    break;
                case ContainerInline nested:
                    Inlines(sb, nested, plain);
                    break;
                case HtmlInline html:
                    Text(sb, html.Tag, plain);
                    break;
            }
        }
    }

    private static void Text(StringBuilder sb, string text, bool plain) => sb.Append(plain ? text : Markup.Escape(text));

    private static void Wrap(StringBuilder sb, string marker, Action inner)
    {
        sb.Append(marker);
        inner();
        sb.Append(marker);
    }

    /// <summary>True when the source line just above the next block is blank (Markdig spans may include it).</summary>
    private static bool BlankLineBefore(string[] lines, Block next) =>
        next.Line > 0 && next.Line <= lines.Length && string.IsNullOrWhiteSpace(lines[next.Line - 1]);

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !url.Contains(')', StringComparison.Ordinal);
}
