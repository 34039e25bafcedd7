using SmartPick.Bot.Core.Guide;

namespace SmartPick.Bot.Core.Servers;

/// <summary>The curated quick-pick topics of <c>knowledge/faq.csv</c>, each one guide section, answered whole.</summary>
public interface IGuideTopics
{
    /// <summary>At most <see cref="MaxTopics"/> topics, in the file's order.</summary>
    IReadOnlyList<GuideTopic> Topics { get; }

    /// <summary>The section rendered as a guide answer with its citation; null when no section has that id.</summary>
    Task<GuideAnswer?> SectionAsync(string sectionId, CancellationToken cancellationToken);

    /// <summary>Discord select menus hold at most 25 options.</summary>
    public const int MaxTopics = 25;
}

/// <param name="Label">Short button / menu label.</param>
/// <param name="SectionId">The guide section's anchor id.</param>
public sealed record GuideTopic(string Label, string SectionId);

/// <summary>Used when no guide is loaded: no topics, no sections.</summary>
public sealed class NoGuideTopics : IGuideTopics
{
    public IReadOnlyList<GuideTopic> Topics => [];

    public Task<GuideAnswer?> SectionAsync(string sectionId, CancellationToken cancellationToken) => Task.FromResult<GuideAnswer?>(null);
}
