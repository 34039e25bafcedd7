using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Discord.Hosting;

/// <summary>
/// Adapter bookkeeping (identify counter, command hash) in the host's <see cref="IAdapterStateStore"/> when one is
/// registered (resolved per call in its own scope), otherwise in memory.
/// </summary>
public sealed class DiscordStateStore(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, string> memory = new(StringComparer.Ordinal);

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetService<IAdapterStateStore>();
        return store is null ? memory.GetValueOrDefault(key) : await store.GetAsync(key, cancellationToken);
    }

    /// <summary>Adds one to the count under <paramref name="key"/> and returns it; atomic across instances on a shared store.</summary>
    public async Task<long> IncrementAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetService<IAdapterStateStore>();
        return store is null
            ? long.Parse(memory.AddOrUpdate(key, "1", (_, v) => (long.Parse(v, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture)
            : await store.IncrementAsync(key, 1, cancellationToken);
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetService<IAdapterStateStore>();
        if (store is null)
        {
            memory[key] = value;
        }
        else
        {
            await store.SetAsync(key, value, cancellationToken);
        }
    }
}
