using System.Text;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Servers.Feedback;

/// <summary>
/// 👍/👎 under a guide answer. The button carries the cited section ids itself ("vote:+:us-letters,eras-fees", as many
/// whole ids as fit Telegram's 64 bytes, best first), so a press needs no stored answer and works for anyone in a group.
/// </summary>
public static class FeedbackButtons
{
    public const string Prefix = "vote:";
    private const int MaxBytes = 64;

    public static bool IsVote(string payload) => payload?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The reply with the two buttons added; unchanged when the answer cites nothing (a refusal, "not covered").</summary>
    public static Reply Attach(Reply reply, GuideAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(answer);
        var sections = new List<string>();
        foreach (var id in answer.Citations.Select(c => c.Section).Where(s => s.Length > 0 && !s.Contains(',', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            if (Encoding.UTF8.GetByteCount(Payload(true, [.. sections, id])) > MaxBytes)
            {
                break;
            }

            sections.Add(id);
        }

        if (!answer.Covered || sections.Count == 0)
        {
            return reply;
        }

        return reply with { Choices = [.. reply.Choices, new Choice("👍 Helpful", Payload(true, sections)), new Choice("👎 Not helpful", Payload(false, sections))] };
    }

    /// <summary>Reads a vote payload; false when it is not one.</summary>
    public static bool TryParse(string payload, out bool helpful, out IReadOnlyList<string> sections)
    {
        helpful = false;
        sections = [];
        if (!IsVote(payload) || payload.Length < Prefix.Length + 3 || payload[Prefix.Length + 1] != ':' || payload[Prefix.Length] is not ('+' or '-'))
        {
            return false;
        }

        helpful = payload[Prefix.Length] == '+';
        sections = payload[(Prefix.Length + 2)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return sections.Count > 0;
    }

    private static string Payload(bool helpful, IReadOnlyList<string> sections) => Prefix + (helpful ? "+" : "-") + ":" + string.Join(',', sections);
}
