namespace SmartPick.Bot.Core.State;

/// <summary>
/// <see cref="IRateWindows"/> for one process: the times of the counted takes per key (at most the limit of them) and
/// the last refusal. Keys idle for a window are dropped once more than 10,000 are held.
/// </summary>
public sealed class InProcessRateWindows(TimeProvider clock) : IRateWindows
{
    private const int PruneThreshold = 10_000;
    private readonly Dictionary<string, Recent> _recent = new(StringComparer.Ordinal);

    public Task<WindowTake> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = clock.GetUtcNow();
        lock (_recent)
        {
            if (!_recent.TryGetValue(key, out var recent))
            {
                recent = new Recent();
                _recent[key] = recent;
            }

            while (recent.Times.Count > 0 && now - recent.Times.Peek() >= window)
            {
                recent.Times.Dequeue();
            }

            if (recent.Times.Count >= limit)
            {
                var wait = recent.Times.Peek() + window - now;
                var again = recent.RefusedAt is { } at && now - at < window;
                if (!again)
                {
                    recent.RefusedAt = now;
                }

                return Task.FromResult(new WindowTake(again ? WindowOutcome.RefusedAgain : WindowOutcome.Refused, wait));
            }

            recent.Times.Enqueue(now);
            if (_recent.Count > PruneThreshold)
            {
                Prune(now, window);
            }

            return Task.FromResult(new WindowTake(WindowOutcome.Taken, TimeSpan.Zero));
        }
    }

    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        foreach (var key in _recent.Where(kv => (kv.Value.Times.Count == 0 || now - kv.Value.Times.Last() >= window) && !(kv.Value.RefusedAt is { } at && now - at < window)).Select(kv => kv.Key).ToList())
        {
            _recent.Remove(key);
        }
    }

    private sealed class Recent
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public DateTimeOffset? RefusedAt { get; set; }
    }
}
