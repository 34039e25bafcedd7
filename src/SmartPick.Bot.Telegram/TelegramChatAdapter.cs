using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Telegram.Inbound;

namespace SmartPick.Bot.Telegram;

/// <summary>Tells the host that Telegram is enabled (so it does not start the console chat).</summary>
public sealed class TelegramChatAdapter : IChatAdapter
{
    public string Platform => UpdateTranslator.Platform;
}
