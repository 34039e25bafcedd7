namespace SmartPick.Bot.Knowledge.Guide;

/// <summary>One <c>##</c> section of a guide file: the unit that is indexed, retrieved and cited.</summary>
/// <param name="File">Path relative to the knowledge folder, e.g. "guide/letters.md".</param>
/// <param name="Id">Stable anchor from <c>{#id}</c>.</param>
/// <param name="DocumentTitle">The file's <c>#</c> title.</param>
/// <param name="Heading">The section heading without its anchor.</param>
/// <param name="Markdown">Section body as written (may contain <c>###</c> lines, lists and links).</param>
public sealed record GuideSection(string File, string Id, string DocumentTitle, string Heading, string Markdown)
{
    public string Reference => $"{File}#{Id}";
}
