using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Tests.Fakes;

public sealed partial class FakeBotApi
{
    /// <summary>
    /// Webhook delivery as Telegram does it with max_connections 1: the oldest queued update is posted (by
    /// <paramref name="deliver"/>: JSON body in, true for a 2xx answer) until it is accepted, then the next; an update
    /// that is not accepted is offered again after a short pause and stays queued (counted in <see cref="PendingUpdates"/>).
    /// </summary>
    public async Task PushWebhookAsync(Func<string, CancellationToken, Task<bool>> deliver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        while (!cancellationToken.IsCancellationRequested)
        {
            Update? next;
            Task changed;
            lock (_gate)
            {
                next = _queue.FirstOrDefault();
                changed = _changed.Task;
            }

            if (next is null)
            {
                await changed.WaitAsync(TimeSpan.FromMilliseconds(100), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            if (await deliver(ToJson(next)!.ToJsonString(), cancellationToken))
            {
                lock (_gate)
                {
                    _queue.Remove(next);
                }
            }
            else
            {
                await Task.Delay(50, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
