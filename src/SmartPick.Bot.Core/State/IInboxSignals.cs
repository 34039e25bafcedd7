namespace SmartPick.Bot.Core.State;

/// <summary>
/// Tells inbox workers on every instance that an <see cref="IUpdateInbox"/> item may have become claimable (one was
/// stored, or one was finished so its chat's next item is free), so they look at once instead of at their next poll.
/// Registered by storage that instances share (PostgreSQL: LISTEN/NOTIFY). Best effort: a signal can be lost (a
/// dropped listening connection), so workers keep a slower poll as a fallback; a claim that expired is never signalled.
/// </summary>
public interface IInboxSignals
{
    /// <summary>Calls <paramref name="onSignal"/> (on a pool thread; it must be quick) for every signal of <paramref name="source"/> until the result is disposed.</summary>
    IDisposable Subscribe(string source, Action onSignal);
}
