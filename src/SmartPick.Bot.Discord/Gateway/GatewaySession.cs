namespace SmartPick.Bot.Discord.Gateway;

/// <summary>Resume state of the gateway session: id, resume URL and last sequence. Kept in memory only.</summary>
public sealed class GatewaySession
{
    // Written by the receive loop, read by the heartbeat loop: stored as a long with -1 meaning "none".
    private long sequence = -1;

    public string? SessionId { get; private set; }

    public Uri? ResumeUri { get; private set; }

    public int? Sequence => Interlocked.Read(ref sequence) is var s and >= 0 ? (int)s : null;

    public bool CanResume => SessionId is not null && ResumeUri is not null;

    public void Observe(int seq) => Interlocked.Exchange(ref sequence, seq);

    public void Start(string sessionId, Uri resumeUri)
    {
        SessionId = sessionId;
        ResumeUri = resumeUri;
    }

    public void Reset()
    {
        SessionId = null;
        ResumeUri = null;
        Interlocked.Exchange(ref sequence, -1);
    }
}

/// <summary>One dispatch event (op 0) with the local monotonic receipt time, for interaction deadlines.</summary>
public sealed record GatewayDispatch(string EventName, System.Text.Json.JsonElement Data, long ReceivedAt);
