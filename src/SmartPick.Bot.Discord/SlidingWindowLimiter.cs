namespace SmartPick.Bot.Discord;

/// <summary>
/// Allows at most <c>permits</c> acquisitions per sliding <c>window</c>, waiting (queueing) rather than dropping.
/// Used for the gateway send budget (120/60 s) and the REST global limit (50/s).
/// </summary>
public sealed class SlidingWindowLimiter(int permits, TimeSpan window, TimeProvider time) : IDisposable
{
    private readonly Queue<long> stamps = new();
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    /// <summary>Takes one permit; true when it had to wait for the window to move.</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        var waited = false;
        await gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = time.GetTimestamp();
                while (stamps.Count > 0 && time.GetElapsedTime(stamps.Peek(), now) >= window)
                {
                    stamps.Dequeue();
                }

                if (stamps.Count < permits)
                {
                    stamps.Enqueue(now);
                    return waited;
                }

                waited = true;
                await Task.Delay(window - time.GetElapsedTime(stamps.Peek(), now), time, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
