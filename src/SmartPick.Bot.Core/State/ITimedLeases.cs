namespace SmartPick.Bot.Core.State;

/// <summary>
/// Named leases with an expiry, for work spread over instances that must not depend on one open connection (Discord shards,
/// identify slots): a lease is held until <c>lease_until</c>, renewed by its owner, and free for anyone once it expired.
/// </summary>
public interface ITimedLeases
{
    /// <summary>Takes or renews <paramref name="name"/> for <paramref name="owner"/> until now + <paramref name="duration"/>; false when another owner holds it.</summary>
    Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Ends the lease if <paramref name="owner"/> holds it, so another instance can take it at once.</summary>
    Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken);
}
