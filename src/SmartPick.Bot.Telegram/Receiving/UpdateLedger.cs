using System.Globalization;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Telegram.Receiving;

/// <summary>
/// Tracks which updates are in flight and which are done, so a restart neither loses nor repeats one.
/// Telegram is the durable inbox: getUpdates is called with the lowest unfinished update id as offset, so an
/// update is only confirmed to Telegram after it was handled. That offset is persisted ("telegram:offset");
/// updates finished above it get a done marker ("telegram:done:&lt;id&gt;") so they are skipped when fetched again.
/// Nothing personal is stored: ids only.
/// </summary>
public sealed class UpdateLedger(IAdapterStateStore store)
{
    public const string OffsetKey = "telegram:offset";
    private readonly Lock _gate = new();
    private readonly SortedSet<int> _inFlight = [];
    private readonly HashSet<int> _known = [];
    private int? _floor;          // every id below this is done and confirmed
    private int _maxSeen = -1;
    private int? _persisted;
    private TaskCompletionSource _progress = NewSignal();

    /// <summary>Offset for the next getUpdates: the lowest unfinished id, else one past the newest seen.</summary>
    public int? FetchOffset
    {
        get
        {
            lock (_gate)
            {
                return Watermark();
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

    public async Task<int?> LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(OffsetKey, cancellationToken).ConfigureAwait(false);
        var offset = int.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (int?)null;
        lock (_gate)
        {
            _floor = offset;
            _persisted = offset;
        }

        return offset;
    }

    /// <summary>Claims an update for handling; false when it is in flight, done, or already confirmed.</summary>
    public async Task<bool> TryBeginAsync(int updateId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (updateId < _floor || _known.Contains(updateId))
            {
                return false;
            }
        }

        var done = await store.GetAsync(DoneKey(updateId), cancellationToken).ConfigureAwait(false) is not null;
        lock (_gate)
        {
            // A done update still counts as seen, so the next offset moves past it and Telegram forgets it.
            _maxSeen = Math.Max(_maxSeen, updateId);
            if (!_known.Add(updateId) || done)
            {
                return false;
            }

            _inFlight.Add(updateId);
            return true;
        }
    }

    public async Task CompleteAsync(int updateId, CancellationToken cancellationToken)
    {
        await store.TryAddAsync(DoneKey(updateId), "1", cancellationToken).ConfigureAwait(false);
        TaskCompletionSource signal;
        lock (_gate)
        {
            _inFlight.Remove(updateId);
            var watermark = Watermark();
            if (watermark is { } w)
            {
                _known.RemoveWhere(id => id < w);
            }

            signal = _progress;
            _progress = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>Lets an update go unfinished (shutdown): it stays below the offset and is fetched again.</summary>
    public void Abandon(int updateId)
    {
        lock (_gate)
        {
            _known.Remove(updateId);
        }
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

    /// <summary>Persists the offset when it moved.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        int? offset;
        lock (_gate)
        {
            offset = Watermark();
            if (offset is null || offset == _persisted)
            {
                return;
            }
        }

        await store.SetAsync(OffsetKey, offset.Value.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _persisted = offset;
        }
    }

    private int? Watermark()
    {
        if (_inFlight.Count > 0)
        {
            return _inFlight.Min;
        }

        return _maxSeen >= 0 ? Math.Max(_maxSeen + 1, _floor ?? 0) : _floor;
    }

    private static string DoneKey(int updateId) => "telegram:done:" + updateId.ToString(CultureInfo.InvariantCulture);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
