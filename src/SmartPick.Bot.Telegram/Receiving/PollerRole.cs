using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Telegram.Receiving;

/// <summary>
/// Telegram allows one getUpdates caller per token, so across instances only the holder of the "telegram:poller"
/// role polls; the others stand by (ready) until it stops or dies. Without <see cref="IRoleLeases"/> (SQLite: one
/// process) this instance polls at once, as a single instance always did.
/// </summary>
public sealed class PollerRole(TelegramReadiness readiness, IRoleLeases? leases = null) : IAsyncDisposable
{
    public const string Name = "telegram:poller";
    private RoleLease? _lease;
    private CancellationTokenSource? _held;

    /// <summary>Waits for the role; the returned token ends when <paramref name="stopping"/> does or the role is lost.</summary>
    public async Task<CancellationToken> AcquireAsync(CancellationToken stopping)
    {
        if (leases is null)
        {
            return stopping;
        }

        await ReleaseAsync().ConfigureAwait(false);
        readiness.Standby();
        try
        {
            _lease = await leases.AcquireAsync(Name, stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // The database is what would hand the role over: without it this instance is not a working standby.
            readiness.NotReady("poller role unavailable: " + e.GetType().Name);
            throw;
        }

        _held = CancellationTokenSource.CreateLinkedTokenSource(stopping, _lease.Lost);
        return _held.Token;
    }

    /// <summary>True when the role was held and its hold can no longer be guaranteed (another instance may poll now).</summary>
    public bool Lost => _lease?.Lost.IsCancellationRequested == true;

    /// <summary>Hands the role over; call after in-flight updates are drained and the offset is saved.</summary>
    public async ValueTask ReleaseAsync()
    {
        if (Interlocked.Exchange(ref _lease, null) is { } lease)
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }

        Interlocked.Exchange(ref _held, null)?.Dispose();
    }

    public ValueTask DisposeAsync() => ReleaseAsync();
}
