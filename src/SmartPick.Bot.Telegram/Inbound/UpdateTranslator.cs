using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Telegram.Commands;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SmartPick.Bot.Telegram.Inbound;

/// <summary>
/// Turns Telegram updates into engine messages. Returns <c>null</c> for updates the bot must ignore: other bots'
/// commands, group chatter not addressed to the bot, channel posts, service messages.
/// </summary>
public static class UpdateTranslator
{
    public const string Platform = "telegram";

    /// <summary>The account an anonymous group administrator writes as; sender_chat is then the group itself.</summary>
    public const long GroupAnonymousBotId = 1087968824;

    /// <summary>The chat an update belongs to (its ordering key), or null when it has none.</summary>
    public static long? ChatOf(Update update) => update switch
    {
        { Message: { } m } => m.Chat.Id,
        { CallbackQuery: { } cq } => cq.Message?.Chat.Id ?? cq.From.Id,
        _ => null,
    };

    public static TranslatedUpdate? Translate(Update update, BotIdentity bot)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.CallbackQuery is { } cq)
        {
            return FromCallback(update.Id, cq);
        }

        if (update.Message is not { From: { } from, Text: { Length: > 0 } text } message || (from.IsBot && !IsAnonymousAdmin(message)))
        {
            return null;
        }

        var kind = message.Chat.Type == ChatType.Private ? ChatKind.Direct : ChatKind.Group;
        if (message.Chat.Type == ChatType.Channel)
        {
            return null;
        }

        var command = ParseCommand(message, text, bot, out var foreign);
        if (foreign)
        {
            return null; // addressed to another bot: neither a command for us nor free text
        }

        InboundContent? content = (InboundContent?)command
            ?? (kind == ChatKind.Direct || IsAddressedToBot(message, text, bot) ? (InboundContent)new TextContent(StripMention(text, bot)) : null);
        if (content is null)
        {
            return null;
        }

        // An anonymous administrator writes as the group itself: keyed by the group, so two groups' anonymous admins never share state.
        var author = from.IsBot ? message.Chat.Id : from.Id;
        var inbound = new InboundMessage(Platform, Id(message.Chat.Id), Id(author), kind, content) { MessageId = MessageIdFor(update.Id), Server = ServerOf(message.Chat.Id, kind) };
        return new TranslatedUpdate(update.Id, message.Chat.Id, inbound);
    }

    /// <summary>An anonymous administrator's message: from GroupAnonymousBot, sent on behalf of this very group.</summary>
    private static bool IsAnonymousAdmin(Message message) =>
        message.From?.Id == GroupAnonymousBotId && message.SenderChat?.Id == message.Chat.Id;

    // The admin check is asked of ChatAdmins (getChatMember) only when a command needs it.
    private static Core.Servers.ServerContext? ServerOf(long chatId, ChatKind kind) =>
        kind == ChatKind.Group ? new(new Core.Servers.ServerKey(Platform, Id(chatId))) : null;

    private static string MessageIdFor(int updateId) => "update:" + updateId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TranslatedUpdate? FromCallback(int updateId, CallbackQuery cq)
    {
        if (string.IsNullOrEmpty(cq.Data))
        {
            return null;
        }

        // An old keyboard message may be inaccessible (Date == default); the press still came from cq.From.
        var chat = cq.Message?.Chat;
        var chatId = chat?.Id ?? cq.From.Id;
        var kind = chat is null || chat.Type == ChatType.Private ? ChatKind.Direct : ChatKind.Group;
        var inbound = new InboundMessage(Platform, Id(chatId), Id(cq.From.Id), kind, new ButtonContent(cq.Data)) { MessageId = MessageIdFor(updateId), Server = ServerOf(chatId, kind) };
        return new TranslatedUpdate(updateId, chatId, inbound)
        {
            CallbackQueryId = cq.Id,
            KeyboardMessageId = cq.Message is { Date.Ticks: > 0 } m ? m.Id : null,
        };
    }

    private static CommandContent? ParseCommand(Message message, string text, BotIdentity bot, out bool foreign)
    {
        foreign = false;
        var entity = message.Entities?.FirstOrDefault(e => e.Type == MessageEntityType.BotCommand && e.Offset == 0);
        if (entity is null || entity.Length < 2 || entity.Length > text.Length)
        {
            return null;
        }

        var token = text[1..entity.Length];
        var at = token.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!bot.IsKnown || !string.Equals(token[(at + 1)..], bot.Username, StringComparison.OrdinalIgnoreCase))
            {
                foreign = true;
                return null;
            }

            token = token[..at];
        }

        return new CommandContent(TelegramCommandCatalog.ToCanonicalName(token), text[entity.Length..].Trim());
    }

    // With privacy mode on, Telegram only forwards group messages meant for the bot; with it off we still answer
    // only replies to the bot and @mentions, so the bot never joins a conversation uninvited.
    private static bool IsAddressedToBot(Message message, string text, BotIdentity bot) =>
        bot.IsKnown
        && (message.ReplyToMessage?.From?.Id == bot.Id
            || text.Contains('@' + bot.Username, StringComparison.OrdinalIgnoreCase));

    private static string StripMention(string text, BotIdentity bot) =>
        bot.IsKnown ? text.Replace('@' + bot.Username, string.Empty, StringComparison.OrdinalIgnoreCase).Trim() : text;

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
