namespace SmartPick.Bot.Discord.Rest;

/// <summary>Rolling 10-minute count of 401/403/429 answers; trips far below Discord's 10,000 ban threshold.</summary>
internal sealed class InvalidRequestCounter(TimeProvider time)
{
    private const int Limit = 1000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly Queue<DateTimeOffset> stamps = new();
    private readonly Lock gate = new();

    public bool Tripped
    {
        get
        {
            lock (gate)
            {
                Trim();
                return stamps.Count >= Limit;
            }
        }
    }

    public void Record()
    {
        lock (gate)
        {
            Trim();
            stamps.Enqueue(time.GetUtcNow());
        }
    }

    private void Trim()
    {
        var cutoff = time.GetUtcNow() - Window;
        while (stamps.Count > 0 && stamps.Peek() < cutoff)
        {
            stamps.Dequeue();
        }
    }
}
