using System.Net;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Dispatch;

/// <summary>
/// After a choice is pressed, the question is edited to show the answer and lose its buttons, so the chat reads
/// as a record of what was chosen and a button cannot be pressed twice.
/// </summary>
internal static class ChosenEdit
{
    public static string? Build(CallbackQuery query)
    {
        // A guide answer (it carries 👍/👎) keeps its text and buttons whatever is pressed on it — a vote (a second vote by
        // the same user is refused by the engine) or "Share my question", whose payload may be a pending-choice token.
        if (query.Message is not { Text: { Length: > 0 } } message
            || message.ReplyMarkup?.InlineKeyboard.SelectMany(row => row).Any(b => Core.Servers.Feedback.FeedbackButtons.IsVote(b.CallbackData ?? string.Empty)) == true)
        {
            return null; // photo captions and inaccessible messages keep their keyboard
        }

        var label = message.ReplyMarkup?.InlineKeyboard.SelectMany(row => row)
            .FirstOrDefault(b => b.CallbackData == query.Data)?.Text;
        var html = HtmlText.ToHtml(message);
        return label is null ? html : $"{html}\n\n✓ <b>{WebUtility.HtmlEncode(label)}</b>";
    }
}
