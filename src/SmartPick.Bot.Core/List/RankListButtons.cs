using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;

namespace SmartPick.Bot.Core.List;

/// <summary>"Save to my list" buttons under a /rank answer: one per program the page shows (up to <see cref="Max"/>), each a /list add.</summary>
public static class RankListButtons
{
    public const int Max = 8;
    private const int LabelLength = 40;

    public static AdvisorResult Add(AdvisorResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var choices = result.Shown
            .Take(Max)
            .Select(p => new Choice("+ " + (p.Name.Length > LabelLength ? p.Name[..(LabelLength - 1)] + "…" : p.Name), "cmd:list add " + p.AcgmeId))
            .ToList();
        return choices.Count == 0
            ? result
            : result with { Replies = [.. result.Replies, Reply.Private("Save programs to your own list (/list shows it, /list export gives a CSV):") with { Choices = choices }] };
    }
}
