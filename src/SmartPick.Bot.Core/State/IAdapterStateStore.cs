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

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> only if it still holds <paramref name="expected"/> (null:
    /// absent); false otherwise. The SQL stores do it in one statement, atomic across instances; this default is atomic
    /// only within one process.
    /// </summary>
    async Task<bool> CompareAndSetAsync(string key, string? expected, string value, CancellationToken cancellationToken)
    {
        await DefaultGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await GetAsync(key, cancellationToken).ConfigureAwait(false) != expected)
            {
                return false;
            }

            await SetAsync(key, value, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            DefaultGate.Release();
        }
    }

    /// <summary>
    /// Adds <paramref name="delta"/> to the whole number under <paramref name="key"/> (absent: 0) and returns the result,
    /// atomically in the SQL stores (e.g. a daily identify counter shared by instances).
    /// </summary>
    async Task<long> IncrementAsync(string key, long delta, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await GetAsync(key, cancellationToken).ConfigureAwait(false);
            var next = (long.TryParse(current, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0) + delta;
            if (await CompareAndSetAsync(key, current, next.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false))
            {
                return next;
            }
        }
    }

    private static readonly SemaphoreSlim DefaultGate = new(1, 1);
}
