using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Telegram.Inbound;

/// <summary>
/// An update the engine should see, plus what the adapter needs to answer it: the Telegram chat, the callback
/// query to acknowledge and the message whose keyboard was pressed.
/// </summary>
public sealed record TranslatedUpdate(int UpdateId, long ChatId, InboundMessage Message)
{
    public string? CallbackQueryId { get; init; }

    public int? KeyboardMessageId { get; init; }
}
