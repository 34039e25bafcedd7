using Telegram.Bot.Types.ReplyMarkups;

namespace SmartPick.Bot.Telegram.Rendering;

/// <summary>One Bot API send, already rendered (HTML parse mode).</summary>
public abstract record OutboundMessage(long ChatId);

public sealed record OutboundText(long ChatId, string Html, InlineKeyboardMarkup? Keyboard) : OutboundMessage(ChatId);

public sealed record OutboundPhoto(long ChatId, byte[] Png, string FileName, string CaptionHtml, InlineKeyboardMarkup? Keyboard)
    : OutboundMessage(ChatId);

/// <summary>A file (sendDocument), e.g. the /list CSV export.</summary>
public sealed record OutboundDocument(long ChatId, byte[] Content, string FileName, string CaptionHtml) : OutboundMessage(ChatId);
