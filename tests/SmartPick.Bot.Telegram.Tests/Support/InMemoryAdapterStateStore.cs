using System.Collections.Concurrent;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Telegram.Tests.Support;

internal sealed class InMemoryAdapterStateStore : IAdapterStateStore
{
    public ConcurrentDictionary<string, string> Values { get; } = new();

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(Values.TryGetValue(key, out var value) ? value : null);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        Values[key] = value;
        return Task.CompletedTask;
    }
}
