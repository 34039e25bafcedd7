namespace SmartPick.Bot.Discord.Interactions;

/// <summary>
/// How many interactions this process is answering right now. In a burst (more than
/// <see cref="DiscordOptions.DeferAtOnceAbove"/>) new ones are deferred on arrival instead of after
/// <see cref="DiscordOptions.DeferAfter"/>: the acknowledgement, which has a hard 3 s deadline, goes out while the
/// process still has time for it, and the answer follows as an edit (the token lives 15 minutes).
/// </summary>
public sealed class InteractionsInFlight
{
    private int count;

    public int Count => Volatile.Read(ref count);

    /// <summary>Counts one interaction until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        Interlocked.Increment(ref count);
        return new Scope(this);
    }

    /// <summary>One interaction being answered.</summary>
    public readonly struct Scope(InteractionsInFlight owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner.count);
    }
}
