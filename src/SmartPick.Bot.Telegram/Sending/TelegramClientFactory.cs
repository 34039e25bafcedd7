using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace SmartPick.Bot.Telegram.Sending;

/// <summary>
/// Resolves the typed-HttpClient <see cref="ITelegramBotClient"/> per operation, so long-lived singletons never pin
/// one HttpMessageHandler (and its DNS answer) for the life of the process.
/// </summary>
public sealed class TelegramClientFactory(IServiceProvider services)
{
    public ITelegramBotClient Create() => services.GetRequiredService<ITelegramBotClient>();
}
