using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Logging;

namespace SmartPick.Bot.Telegram.Receiving;

/// <summary>
/// Tracks which updates are in flight and which are done, so a restart neither loses nor repeats one.
/// Telegram is the durable inbox: getUpdates is called with the lowest unfinished update id as offset, so an
/// update is confirmed to Telegram only after it was handled. One key, "telegram:offset", holds that offset plus
/// the ids already finished above it (at most a poll window's worth), see <see cref="LedgerRecord"/>; it is
/// rewritten after every finished update. Nothing personal is stored and the row never grows.
/// </summary>
public sealed class UpdateLedger(IAdapterStateStore store, BotIdentity bot, TimeProvider time, ILogger<UpdateLedger> logger) : IDisposable
{
    public const string OffsetKey = "telegram:offset";
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly SortedSet<int> _inFlight = [];
    private readonly HashSet<int> _doneAbove = [];
    private int _floor;           // every id below this is done (and confirmed to Telegram by the next poll)
    private int _maxSeen = -1;
    private long _version;
    private long _persistedVersion;
    private TaskCompletionSource _progress = NewSignal();

    /// <summary>Offset for the next getUpdates: the lowest unfinished id, else one past the newest seen; null at first start.</summary>
    public int? FetchOffset
    {
        get
        {
            lock (_gate)
            {
                return _maxSeen < 0 && _floor == 0 ? null : Watermark();
            }
        }
    }

    public int InFlightCount
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>Restores the offset saved by the last poller of this bot (this or another instance); null when there is none or it is stale. Call with nothing in flight.</summary>
    public async Task<int?> LoadAsync(CancellationToken cancellationToken)
    {
        var record = LedgerRecord.Parse(await store.GetAsync(OffsetKey, cancellationToken).ConfigureAwait(false));
        if (record is null)
        {
            return null;
        }

        if (!record.IsUsableFor(bot.Id, time.GetUtcNow()))
        {
            TelegramLog.StaleOffsetIgnored(logger, record.Offset);
            return null;
        }

        lock (_gate)
        {
            // The saved record replaces what this instance knew: another instance may have polled since.
            _floor = record.Offset;
            _doneAbove.Clear();
            _doneAbove.UnionWith(record.Done);
        }

        return record.Offset;
    }

    /// <summary>Claims an update for handling; false when it is in flight or already done.</summary>
    public bool TryBegin(int updateId)
    {
        lock (_gate)
        {
            if (updateId > _maxSeen)
            {
                _maxSeen = updateId;
                _version++;
            }

            if (updateId < _floor || _inFlight.Contains(updateId) || _doneAbove.Contains(updateId))
            {
                return false;
            }

            _inFlight.Add(updateId);
            return true;
        }
    }

    /// <summary>Records a handled update durably before its chat moves on.</summary>
    public async Task CompleteAsync(int updateId, CancellationToken cancellationToken)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _inFlight.Remove(updateId);
            _doneAbove.Add(updateId);
            _floor = Math.Max(_floor, Watermark());
            _doneAbove.RemoveWhere(id => id < _floor);
            _version++;
            signal = _progress;
            _progress = NewSignal();
        }

        signal.TrySetResult();
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until some in-flight update finishes, or <paramref name="max"/> passes.</summary>
    public Task WaitForProgressAsync(TimeSpan max, TimeProvider time, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            signal = _progress.Task;
        }

        return Task.WhenAny(signal, Task.Delay(max, time, cancellationToken));
    }

    /// <summary>Writes the latest state if it changed; concurrent callers coalesce into one write.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            LedgerRecord record;
            long version;
            lock (_gate)
            {
                if (_version == _persistedVersion || (_maxSeen < 0 && _floor == 0) || !bot.IsKnown)
                {
                    return;
                }

                version = _version;
                var watermark = Watermark();
                record = new LedgerRecord(watermark, [.. _doneAbove.Where(id => id > watermark).Order()], bot.Id, time.GetUtcNow());
            }

            await store.SetAsync(OffsetKey, record.ToString(), cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _persistedVersion = Math.Max(_persistedVersion, version);
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    private int Watermark() => _inFlight.Count > 0 ? _inFlight.Min : Math.Max(_maxSeen + 1, _floor);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
