using SmartPick.Bot.Telegram.Receiving;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Dispatch;

/// <summary>
/// Runs each chat's updates one after another (in arrival order) while different chats run concurrently, so
/// a slow or failing handler only ever delays its own chat. Each chat keeps just the tail task of its queue. A finished
/// update is recorded in the <see cref="UpdateLedger"/> before its chat moves on (polling mode).
/// </summary>
public sealed class ChatDispatcher(UpdatePipeline pipeline, UpdateLedger ledger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Task> _tails = [];
    private readonly CancellationTokenSource _handlers = new();

    /// <summary>Queues an update behind earlier ones of the same chat. Call in update-id order.</summary>
    public void Dispatch(Update update, long chatKey)
    {
        var token = _handlers.Token;
        lock (_gate)
        {
            var previous = _tails.GetValueOrDefault(chatKey) ?? Task.CompletedTask;
            var next = previous
                .ContinueWith(_ => ProcessAsync(update, token), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)
                .Unwrap();
            _tails[chatKey] = next;
            next.ContinueWith(done => Release(chatKey, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public int ActiveChats
    {
        get
        {
            lock (_gate)
            {
                return _tails.Count;
            }
        }
    }

    /// <summary>Waits for every queued update; on <paramref name="cancellationToken"/> cancels the handlers and waits for them to unwind.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(Snapshot()).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _handlers.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(Snapshot()).ConfigureAwait(false);
        }
    }

    public void Dispose() => _handlers.Dispose();

    private async Task ProcessAsync(Update update, CancellationToken token)
    {
        if (await pipeline.ProcessAsync(update, token).ConfigureAwait(false))
        {
            // Shutdown leaves the update in flight, so the persisted offset stays at or below it and it is fetched again.
            await ledger.CompleteAsync(update.Id, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private Task[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _tails.Values];
        }
    }

    private void Release(long chatKey, Task done)
    {
        lock (_gate)
        {
            if (_tails.TryGetValue(chatKey, out var current) && current == done)
            {
                _tails.Remove(chatKey);
            }
        }
    }
}
