namespace SmartPick.Bot.Core.State;

/// <summary>
/// Small durable key/value store for adapter bookkeeping that must survive a restart (Telegram update offset,
/// handled update ids, Discord session). Keys are namespaced by the adapter, e.g. "telegram:offset".
/// Never put profile values here.
/// </summary>
public interface IAdapterStateStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
