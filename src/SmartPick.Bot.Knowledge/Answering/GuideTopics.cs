using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Knowledge.Guide;
using SmartPick.Bot.Knowledge.Retrieval;

namespace SmartPick.Bot.Knowledge.Answering;

/// <summary>The /faq quick picks: <c>faq.csv</c> in the knowledge folder (label,section), each answered by its whole section.</summary>
public sealed class GuideTopics(GuideIndexProvider index, TimelineAnswer timeline, IOptions<KnowledgeOptions> options) : IGuideTopics
{
    public const string FileName = "faq.csv";

    private readonly Lazy<IReadOnlyList<GuideTopic>> _topics = new(() => Load(Path.Combine(options.Value.ResolveGuidePath(), FileName)));

    public IReadOnlyList<GuideTopic> Topics => _topics.Value;

    public async Task<GuideAnswer?> SectionAsync(string sectionId, CancellationToken cancellationToken)
    {
        var guide = await index.GetAsync(cancellationToken);
        var section = guide.Sections.FirstOrDefault(s => string.Equals(s.Id, sectionId.Trim(), StringComparison.OrdinalIgnoreCase));
        return section is null ? null : Answer(section, timeline.Render(section));
    }

    /// <summary>The section whole, under its heading, cited — the same shape as a retrieval answer.</summary>
    public static GuideAnswer Answer(GuideSection section, string? rendered = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        var text = "**" + Markup.Escape(section.Heading) + "** (_" + Markup.Escape(section.DocumentTitle) + "_)\n"
            + (rendered ?? GuideMarkup.BlockToMarkup(section.Markdown));
        return new GuideAnswer(text, [new GuideCitation(section.File, section.Id, section.Heading, 1.0)], true);
    }

    /// <summary>Reads label,section rows after the header; a missing file gives no topics; more than 25 is an error.</summary>
    public static IReadOnlyList<GuideTopic> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var topics = File.ReadLines(path).Skip(1)
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.LastIndexOf(',') is var comma and > 0
                ? new GuideTopic(line[..comma].Trim(), line[(comma + 1)..].Trim())
                : throw new FormatException($"{FileName}: expected 'label,section' but found '{line}'"))
            .ToList();
        return topics.Count <= IGuideTopics.MaxTopics ? topics
            : throw new FormatException($"{FileName}: {topics.Count} topics; a Discord select menu holds at most {IGuideTopics.MaxTopics}");
    }
}
