using System.Net;
using System.Text;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Telegram.Commands;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types.ReplyMarkups;

namespace SmartPick.Bot.Telegram.Rendering;

/// <summary>
/// Turns engine replies into Bot API sends: HTML text split under the length limit, inline keyboards for
/// choices, photos with captions. In a group, private replies are withheld and replaced by one public message
/// with a deep link into the private chat, so nothing personal is ever posted where others can read it.
/// </summary>
public static class ReplyRenderer
{
    public const int CaptionLimit = 1024;
    public const int CallbackDataLimit = 64;

    public const string PrivateNotice =
        "That answer is about you personally, so I'll give it in a private chat. Tap the button to continue there.";

    public static IReadOnlyList<OutboundMessage> Render(IReadOnlyList<Reply> replies, long chatId, ChatKind chatKind, string botUsername, int limit = MessageSplitter.DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var output = new List<OutboundMessage>();
        var linkPosted = false;
        foreach (var reply in replies)
        {
            if (chatKind == ChatKind.Group && reply.Visibility == Visibility.Private)
            {
                if (!linkPosted)
                {
                    output.Add(PrivateLink(chatId, botUsername, reply.ContinueInDirect));
                    linkPosted = true;
                }

                continue;
            }

            var keyboard = Keyboard(reply, chatKind, botUsername);
            RenderOne(reply, chatId, keyboard, limit, output);
        }

        return output;
    }

    private static void RenderOne(Reply reply, long chatId, InlineKeyboardMarkup? keyboard, int limit, List<OutboundMessage> output)
    {
        var parts = MessageSplitter.SplitToHtml(TelegramCommandCatalog.ToTelegramSpelling(reply.Text), limit);
        if (reply.Image is { } image)
        {
            var fitsCaption = parts.Count == 1 && HtmlText.PlainLength(parts[0]) <= CaptionLimit;
            var caption = fitsCaption ? parts[0] : HtmlText.Truncate(WebUtility.HtmlEncode(image.AltText), CaptionLimit);
            output.Add(new OutboundPhoto(chatId, image.Png, image.FileName, caption, fitsCaption || parts.Count == 0 ? keyboard : null));
            if (fitsCaption)
            {
                return;
            }
        }

        for (var i = 0; i < parts.Count; i++)
        {
            output.Add(new OutboundText(chatId, parts[i], i == parts.Count - 1 ? keyboard : null));
        }

        if (reply.File is { } file)
        {
            output.Add(new OutboundDocument(chatId, file.Content, file.FileName, string.Empty));
        }
    }

    private static InlineKeyboardMarkup? Keyboard(Reply reply, ChatKind chatKind, string botUsername)
    {
        var rows = reply.Choices
            .Where(c => c.Payload.Length > 0 && Encoding.UTF8.GetByteCount(c.Payload) <= CallbackDataLimit)
            .Select(c => new[] { InlineKeyboardButton.WithCallbackData(c.Label, c.Payload) })
            .ToList();
        if (chatKind == ChatKind.Group && reply.ContinueInDirect is { } payload)
        {
            rows.Add([InlineKeyboardButton.WithUrl("Continue in private chat", DeepLink.For(botUsername, payload))]);
        }

        return rows.Count == 0 ? null : new InlineKeyboardMarkup(rows);
    }

    private static OutboundText PrivateLink(long chatId, string botUsername, string? payload)
    {
        var url = DeepLink.For(botUsername, payload);
        var html = $"{WebUtility.HtmlEncode(PrivateNotice)}\n<a href=\"{WebUtility.HtmlEncode(url)}\">Continue in a private chat</a>";
        return new OutboundText(chatId, html, new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl("Continue in private chat", url)));
    }
}
