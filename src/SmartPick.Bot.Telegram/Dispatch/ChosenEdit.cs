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
        // 👍/👎 under a guide answer stay for the other readers (a second vote by the same user is refused by the engine).
        if (query.Message is not { Text: { Length: > 0 } } message || Core.Servers.Feedback.FeedbackButtons.IsVote(query.Data ?? string.Empty))
        {
            return null; // photo captions and inaccessible messages keep their keyboard
        }

        var label = message.ReplyMarkup?.InlineKeyboard.SelectMany(row => row)
            .FirstOrDefault(b => b.CallbackData == query.Data)?.Text;
        var html = HtmlText.ToHtml(message);
        return label is null ? html : $"{html}\n\n✓ <b>{WebUtility.HtmlEncode(label)}</b>";
    }
}
