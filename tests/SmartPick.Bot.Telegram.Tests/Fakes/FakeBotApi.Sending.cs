using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace SmartPick.Bot.Telegram.Tests.Fakes;

public sealed partial class FakeBotApi
{
    private const int TextLimit = 4096;
    private const int CaptionLimit = 1024;

    private (int, JsonObject, int?) SendMessage(JsonObject p)
    {
        if (!TryGetChat(p, out var chat))
        {
            return (400, Error(400, "Bad Request: chat not found"), null);
        }

        if (!TryFormat(p["text"]?.ToString(), p, TextLimit, "message is too long", out var text, out var error))
        {
            return (400, error!, null);
        }

        if (text.Length == 0)
        {
            return (400, Error(400, "Bad Request: message text is empty"), null);
        }

        if (!TryKeyboard(p, out var keyboard, out error))
        {
            return (400, error!, null);
        }

        var message = Store(new Message { Id = NextMessageId(), Date = Now(), Chat = chat, From = Me(), Text = text, ReplyMarkup = keyboard });
        return (200, Ok(ToJson(message)), message.Id);
    }

    private (int, JsonObject, int?) SendPhoto(JsonObject p, long? photoBytes)
    {
        if (!TryGetChat(p, out var chat))
        {
            return (400, Error(400, "Bad Request: chat not found"), null);
        }

        if (photoBytes is null or < 0)
        {
            return (400, Error(400, "Bad Request: IMAGE_PROCESS_FAILED"), null);
        }

        if (!TryFormat(p["caption"]?.ToString() ?? string.Empty, p, CaptionLimit, "message caption is too long", out var caption, out var error)
            || !TryKeyboard(p, out var keyboard, out error))
        {
            return (400, error!, null);
        }

        var photo = new PhotoSize { FileId = "photo" + Guid.NewGuid().ToString("N"), FileUniqueId = Guid.NewGuid().ToString("N")[..12], Width = 800, Height = 600, FileSize = photoBytes };
        var message = Store(new Message { Id = NextMessageId(), Date = Now(), Chat = chat, From = Me(), Caption = caption, Photo = [photo], ReplyMarkup = keyboard });
        return (200, Ok(ToJson(message)), message.Id);
    }

    private (int, JsonObject, int?) EditMessageText(JsonObject p)
    {
        if (!TryGetMessage(p, out var message))
        {
            return (400, Error(400, "Bad Request: message to edit not found"), null);
        }

        if (!TryFormat(p["text"]?.ToString(), p, TextLimit, "MESSAGE_TOO_LONG", out var text, out var error) || !TryKeyboard(p, out var keyboard, out error))
        {
            return (400, error!, null);
        }

        lock (_gate)
        {
            if (message.Text == text && SameKeyboard(message.ReplyMarkup, keyboard))
            {
                return (400, Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"), null);
            }

            message.Text = text;
            message.ReplyMarkup = keyboard;
            message.EditDate = Now();
        }

        return (200, Ok(ToJson(message)), message.Id);
    }

    private (int, JsonObject, int?) EditMessageReplyMarkup(JsonObject p)
    {
        if (!TryGetMessage(p, out var message))
        {
            return (400, Error(400, "Bad Request: message to edit not found"), null);
        }

        if (!TryKeyboard(p, out var keyboard, out var error))
        {
            return (400, error!, null);
        }

        lock (_gate)
        {
            if (SameKeyboard(message.ReplyMarkup, keyboard))
            {
                return (400, Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"), null);
            }

            message.ReplyMarkup = keyboard;
        }

        return (200, Ok(ToJson(message)), message.Id);
    }

    private (int, JsonObject, int?) AnswerCallbackQuery(JsonObject p)
    {
        lock (_gate)
        {
            // Each query can be answered once; unknown or reused ids get Telegram's error.
            return _openCallbacks.Remove(p["callback_query_id"]?.ToString() ?? string.Empty)
                ? (200, Ok(true), null)
                : (400, Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid"), null);
        }
    }

    private static (int, JsonObject, int?) SetMyCommands(JsonObject p)
    {
        foreach (var command in p["commands"]?.AsArray() ?? [])
        {
            var name = command?["command"]?.ToString() ?? string.Empty;
            var description = command?["description"]?.ToString() ?? string.Empty;
            if (!CommandName().IsMatch(name))
            {
                return (400, Error(400, "Bad Request: BOT_COMMAND_INVALID"), null);
            }

            if (description.Length is 0 or > 256)
            {
                return (400, Error(400, "Bad Request: command description is empty"), null);
            }
        }

        return (200, Ok(true), null);
    }

    private (int, JsonObject, int?) DeleteWebhook()
    {
        lock (_gate)
        {
            WebhookUrl = null;
        }

        return (200, Ok(true), null);
    }

    private (int, JsonObject, int?) SetWebhook(JsonObject p)
    {
        var url = p["url"]?.ToString();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return (400, Error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"), null);
        }

        lock (_gate)
        {
            WebhookUrl = url;
        }

        return (200, Ok(true), null);
    }

    private bool TryGetChat(JsonObject p, out Chat chat)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(Long(p, "chat_id") ?? 0, out chat!);
        }
    }

    private bool TryGetMessage(JsonObject p, out Message message)
    {
        lock (_gate)
        {
            return _messages.TryGetValue((Long(p, "chat_id") ?? 0, Int(p, "message_id") ?? 0), out message!);
        }
    }

    private Message Store(Message message)
    {
        lock (_gate)
        {
            _messages[(message.Chat.Id, message.Id)] = message;
        }

        return message;
    }

    private static bool TryFormat(string? raw, JsonObject p, int limit, string tooLong, out string text, out JsonObject? error)
    {
        text = string.Empty;
        error = null;
        raw ??= string.Empty;
        var mode = p["parse_mode"]?.ToString();
        if (string.Equals(mode, "HTML", StringComparison.OrdinalIgnoreCase))
        {
            if (!TelegramHtml.TryParse(raw, out text, out var parseError))
            {
                error = Error(400, "Bad Request: " + parseError);
                return false;
            }
        }
        else if (string.IsNullOrEmpty(mode))
        {
            text = raw.Trim();
        }
        else
        {
            error = Error(400, "Bad Request: unsupported parse_mode");
            return false;
        }

        if (text.Length > limit)
        {
            error = Error(400, "Bad Request: " + tooLong);
            return false;
        }

        return true;
    }

    private static bool TryKeyboard(JsonObject p, out InlineKeyboardMarkup? keyboard, out JsonObject? error)
    {
        keyboard = null;
        error = null;
        if (p["reply_markup"] is not JsonObject markup || markup["inline_keyboard"] is null)
        {
            return true;
        }

        keyboard = markup.Deserialize<InlineKeyboardMarkup>(JsonBotAPI.Options);
        foreach (var button in keyboard!.InlineKeyboard.SelectMany(row => row))
        {
            if (button.CallbackData is { } data && Encoding.UTF8.GetByteCount(data) is 0 or > 64)
            {
                error = Error(400, "Bad Request: BUTTON_DATA_INVALID");
                return false;
            }

            if (button.CallbackData is null && button.Url is null)
            {
                error = Error(400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
                return false;
            }
        }

        return true;
    }

    private static bool SameKeyboard(InlineKeyboardMarkup? a, InlineKeyboardMarkup? b) =>
        JsonSerializer.Serialize(a, JsonBotAPI.Options) == JsonSerializer.Serialize(b, JsonBotAPI.Options);

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}
