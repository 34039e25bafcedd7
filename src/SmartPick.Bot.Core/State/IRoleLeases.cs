namespace SmartPick.Bot.Core.State;

/// <summary>
/// Roles only one instance may hold at a time (the Telegram long poller; later Discord shards). Registered by storage
/// that several instances share (PostgreSQL: a session advisory lock, released by the server when the holder's
/// connection dies). When none is registered the process is the only instance and needs no lease.
/// </summary>
public interface IRoleLeases
{
    /// <summary>Waits until this instance holds <paramref name="role"/>; dispose the lease to hand the role over.</summary>
    Task<RoleLease> AcquireAsync(string role, CancellationToken cancellationToken);
}

/// <summary>A held role. <see cref="Lost"/> fires when the hold can no longer be guaranteed: stop the role's work then.</summary>
public sealed class RoleLease(Func<ValueTask> release, CancellationToken lost) : IAsyncDisposable
{
    private Func<ValueTask>? _release = release;

    public CancellationToken Lost { get; } = lost;

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _release, null)?.Invoke() ?? ValueTask.CompletedTask;
}
