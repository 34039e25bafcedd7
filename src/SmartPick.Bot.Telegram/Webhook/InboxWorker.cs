using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Dispatch;
using SmartPick.Bot.Telegram.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Webhook;

/// <summary>
/// Handles the updates stored by <see cref="WebhookReceiver"/> on any instance: claims one at a time (the inbox hands out
/// only the oldest open update of a chat, so a chat is never handled out of order or by two workers at once), runs it
/// through the <see cref="UpdatePipeline"/>, renews the claim while it runs and marks it done. A worker that dies leaves
/// its claim to expire (<see cref="TelegramWebhookOptions.ClaimSeconds"/>) and another worker redoes the update; the
/// engine answers a repeated message with its stored replies instead of applying it twice. On stop, no new update is
/// claimed and the ones in hand are finished. Idle workers look again when nudged (an update stored or finished here, or
/// on any instance through <paramref name="signals"/>: PostgreSQL LISTEN/NOTIFY), else every 250 ms — every second with
/// signals, where the poll only catches expired claims and signals lost while the listener reconnects.
/// </summary>
public sealed class InboxWorker(IUpdateInbox inbox, UpdatePipeline pipeline, IOptions<TelegramOptions> options, TimeProvider time, ILogger<InboxWorker> logger, IInboxSignals? signals = null)
    : BackgroundService
{
    private static readonly TimeSpan ClaimRetry = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _idlePoll = signals is null ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(1);
    private static readonly TimeSpan KeepDone = TimeSpan.FromHours(25); // Telegram gives up redelivering after 24 h
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly CancellationTokenSource _handlers = new();
    private readonly ConcurrentDictionary<long, Task> _inHand = new();
    private readonly SemaphoreSlim _slots = new(options.Value.Webhook.Workers, options.Value.Webhook.Workers);
    private TaskCompletionSource _nudge = NewSignal();
    private long _lastPurge;

    /// <summary>The inbox source of this bot: updates of another token (another bot id) are never mixed in.</summary>
    public string Source { get; } = "telegram:" + options.Value.Token.Split(':')[0];

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.Webhook.ClaimSeconds);

    /// <summary>Something became claimable here (a new update, a finished one): look now instead of at the next poll.</summary>
    public void Nudge() => Interlocked.Exchange(ref _nudge, NewSignal()).TrySetResult();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        var inHand = _inHand.Values.ToArray();
        TelegramLog.InboxDraining(logger, inHand.Length);
        try
        {
            await Task.WhenAll(inHand).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of time: the unfinished ones stay claimed until the claim expires, then another instance redoes them.
            await _handlers.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(inHand).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _handlers.Dispose();
        _slots.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = signals?.Subscribe(Source, Nudge);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                var wake = Volatile.Read(ref _nudge).Task; // taken before the claim, so a nudge during it is not missed
                var item = await TryClaimAsync(stoppingToken).ConfigureAwait(false);
                if (item is null)
                {
                    _slots.Release();
                    await PurgeNowAndThenAsync(stoppingToken).ConfigureAwait(false);
                    await Task.WhenAny(wake, Task.Delay(_idlePoll, time, stoppingToken)).ConfigureAwait(false);
                    continue;
                }

                var handling = Task.Run(() => HandleAsync(item), CancellationToken.None);
                _inHand[item.Id] = handling;
                if (handling.IsCompleted)
                {
                    _inHand.TryRemove(item.Id, out _); // it finished before it was recorded
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync finishes what is in hand.
        }
    }

    private async Task<InboxItem?> TryClaimAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await inbox.ClaimAsync(Source, _owner, Lease, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            TelegramLog.InboxClaimFailed(logger, e, (long)ClaimRetry.TotalMilliseconds);
            await Task.Delay(ClaimRetry, time, stoppingToken).ConfigureAwait(false);
            return null;
        }
    }

    private async Task HandleAsync(InboxItem item)
    {
        try
        {
            if (item.Attempts > 1)
            {
                TelegramLog.InboxRedo(logger, item.Id, item.Attempts);
            }

            bool finished;
            using (var renewal = CancellationTokenSource.CreateLinkedTokenSource(_handlers.Token))
            {
                var renewing = RenewWhileHeldAsync(item.Id, renewal.Token);
                try
                {
                    var update = JsonSerializer.Deserialize<Update>(item.Payload, JsonBotAPI.Options)!;
                    finished = await pipeline.ProcessAsync(update, _handlers.Token).ConfigureAwait(false);
                }
                finally
                {
                    await renewal.CancelAsync().ConfigureAwait(false);
                    await renewing.ConfigureAwait(false);
                }
            }

            if (finished && !await inbox.CompleteAsync(Source, item.Id, _owner, CancellationToken.None).ConfigureAwait(false))
            {
                TelegramLog.InboxClaimLost(logger, item.Id);
            }
        }
        catch (Exception e)
        {
            // The claim expires and the update is redone (the engine recognizes a message it already applied).
            TelegramLog.UpdateFailed(logger, e, (int)item.Id, 0);
        }
        finally
        {
            _inHand.TryRemove(item.Id, out _);
            _slots.Release();
            Nudge();
        }
    }

    private async Task RenewWhileHeldAsync(long id, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, time, done).ConfigureAwait(false);
                try
                {
                    if (!await inbox.RenewAsync(Source, id, _owner, Lease, done).ConfigureAwait(false))
                    {
                        TelegramLog.InboxClaimLost(logger, id);
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    TelegramLog.InboxClaimFailed(logger, e, (long)(Lease / 3).TotalMilliseconds);
                }
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // The update is finished (or the host gave up on it).
        }
    }

    private async Task PurgeNowAndThenAsync(CancellationToken stoppingToken)
    {
        var now = time.GetTimestamp();
        if (_lastPurge != 0 && time.GetElapsedTime(_lastPurge, now) < TimeSpan.FromHours(1))
        {
            return;
        }

        _lastPurge = now;
        try
        {
            await inbox.PurgeAsync(Source, time.GetUtcNow() - KeepDone, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            TelegramLog.InboxClaimFailed(logger, e, 0);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
