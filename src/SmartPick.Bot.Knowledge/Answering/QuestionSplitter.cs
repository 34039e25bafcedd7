using System.Text.RegularExpressions;

namespace SmartPick.Bot.Knowledge.Answering;

/// <summary>
/// Splits a multi-part message into its questions: numbered items ("1) ... 2) ..."), several question marks, and
/// joints such as "and also" or "and how/do/is ...". A part without any content word is merged into its neighbour.
/// </summary>
public static partial class QuestionSplitter
{
    private const int MaxParts = 4;

    public static IReadOnlyList<string> Split(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var numbered = Numbered().IsMatch(message);
        var pieces = numbered ? Numbered().Split(message) : Joints().Split(message);
        var parts = new List<string>();
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i].Trim(' ', '\n', '\t', ',', ';', '-', ':');
            // The opening of a numbered message ("quick questions:") is context, not a part.
            if (piece.Length == 0 || (numbered && i == 0 && Retrieval.TextAnalyzer.ContentTokens(piece).Count < 3)) continue;
            if (parts.Count > 0 && Retrieval.TextAnalyzer.ContentTokens(piece).Count < 2)
            {
                parts[^1] = parts[^1] + " " + piece;
                continue;
            }

            parts.Add(piece);
        }

        return parts.Count is > 1 and <= MaxParts ? parts : [message.Trim()];
    }

    [GeneratedRegex(@"(?:^|\s)\(?\d[.)]\s+")]
    private static partial Regex Numbered();

    // After "?" when more text follows; before "and also", "also,", "and how/do/is/what/when/can/should".
    [GeneratedRegex(@"(?<=\?)\s+(?=\S)|\s+(?:and\s+also|also,|plus)\s+|[.,;]?\s+and\s+(?=(?:how|do|does|is|are|what|when|can|should|which|where)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Joints();
}
