using System.Text;
using System.Text.RegularExpressions;

namespace SmartPick.Bot.Knowledge.Guide;

/// <summary>Splits guide markdown into sections: <c># Title</c>, then <c>## Heading {#id}</c> blocks.</summary>
public static partial class GuideMarkdownParser
{
    /// <summary>Reads every <c>guide/*.md</c> under <paramref name="knowledgeRoot"/>, ordered by file name.</summary>
    public static IReadOnlyList<GuideSection> ParseFolder(string knowledgeRoot)
    {
        var guideDir = Path.Combine(knowledgeRoot, "guide");
        if (!Directory.Exists(guideDir))
        {
            return [];
        }

        var sections = new List<GuideSection>();
        foreach (var path in Directory.EnumerateFiles(guideDir, "*.md").Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(knowledgeRoot, path).Replace('\\', '/');
            sections.AddRange(Parse(relative, File.ReadAllText(path)));
        }

        return sections;
    }

    /// <summary>Parses one file. Text before the first <c>##</c> is an introduction and is not a section.</summary>
    public static IReadOnlyList<GuideSection> Parse(string file, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sections = new List<GuideSection>();
        var title = Path.GetFileNameWithoutExtension(file);
        string? heading = null, id = null;
        var body = new StringBuilder();

        void Flush()
        {
            if (heading is not null && id is not null)
            {
                sections.Add(new GuideSection(file, id, title, heading, body.ToString().Trim()));
            }

            body.Clear();
        }

        foreach (var rawLine in markdown.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith("# ", StringComparison.Ordinal) && heading is null && sections.Count == 0)
            {
                title = line[2..].Trim();
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                var match = HeadingWithId().Match(line);
                heading = match.Success ? match.Groups["text"].Value.Trim() : line[3..].Trim();
                id = match.Success ? match.Groups["id"].Value : Slug(heading);
                continue;
            }

            body.Append(line).Append('\n');
        }

        Flush();
        return sections;
    }

    /// <summary>Fallback anchor for a heading written without <c>{#id}</c> (GitHub-style slug).</summary>
    public static string Slug(string heading) =>
        NonSlug().Replace(heading.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"^##\s+(?<text>.+?)\s*\{#(?<id>[A-Za-z0-9_-]+)\}\s*$")]
    private static partial Regex HeadingWithId();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
