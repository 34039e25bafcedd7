using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Discord.Telemetry;

namespace SmartPick.Bot.Discord.Gateway;

/// <summary>How one connection ended.</summary>
public sealed record GatewayOutcome(GatewayRecovery Recovery, int? CloseCode, bool Established, bool Shutdown = false, bool ProtocolFault = false);

/// <summary>Identity sent on IDENTIFY/RESUME.</summary>
public sealed record GatewayIdentity(string Token, int Intents, int ShardId, int ShardCount);

/// <summary>
/// One gateway connection: the receive loop only reads, parses and enqueues; heartbeats run on their own timer.
/// Ends with an outcome telling the client whether to resume, start a new session or stop.
/// </summary>
internal sealed partial class GatewayConnection(
    IGatewayTransport transport,
    GatewaySession session,
    GatewayIdentity identity,
    TimeProvider time,
    IJitterSource jitter,
    ChannelWriter<GatewayDispatch> dispatches,
    DiscordMetrics metrics,
    ILogger logger) : IDisposable
{
    internal static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(20);
    private const int MaxPayloadBytes = 4096;
    private const int ZombieCloseCode = 4000;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource<TimeSpan> hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim sendLock = new(1, 1);

    // Discord allows 120 sends per 60 s per connection; keep a little headroom for heartbeats.
    private readonly SlidingWindowLimiter sendBudget = new(117, TimeSpan.FromSeconds(60), time);
    private int acknowledged = 1;
    private bool established;

    /// <summary>Called when READY or RESUMED arrives.</summary>
    public Action OnEstablished { get; init; } = () => { };

    public void Dispose()
    {
        sendLock.Dispose();
        sendBudget.Dispose();
    }

    public async Task<GatewayOutcome> RunAsync(Uri baseUri, bool resume, CancellationToken stopping)
    {
        await transport.ConnectAsync(WithQuery(baseUri), stopping);
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var heartbeat = HeartbeatLoopAsync(connection);
        try
        {
            return await ReceiveLoopAsync(resume, connection.Token, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Deliberate shutdown: 1000 ends the session (the bot shows offline at once).
            await CloseAsync(1000);
            return new GatewayOutcome(GatewayRecovery.Resume, 1000, established, Shutdown: true);
        }
        finally
        {
            await connection.CancelAsync();
            await heartbeat;
        }
    }

    internal static Uri WithQuery(Uri uri) => new UriBuilder(uri) { Query = "v=10&encoding=json" }.Uri;

    private async Task<GatewayOutcome> ReceiveLoopAsync(bool resume, CancellationToken token, CancellationToken stopping)
    {
        while (true)
        {
            GatewayFrame frame;
            try
            {
                frame = await transport.ReceiveAsync(token);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                // The heartbeat loop cancelled us: no ACK (zombie) or no Hello.
                await CloseForResumeAsync();
                return new GatewayOutcome(GatewayRecovery.Resume, ZombieCloseCode, established);
            }

            if (frame.IsClose)
            {
                var recovery = GatewayCloseCodes.Classify(frame.CloseCode);
                var reason = GatewayCloseCodes.Describe(frame.CloseCode);
                LogClosed(logger, frame.CloseCode, reason, recovery);
                return new GatewayOutcome(recovery, frame.CloseCode, established);
            }

            try
            {
                if (frame.Fault is { } fault)
                {
                    throw new GatewayProtocolException(null, fault);
                }

                var end = await HandleAsync(GatewayPayload.Parse(frame.Payload), resume, token);
                if (end is not null)
                {
                    return end;
                }
            }
            catch (GatewayProtocolException ex)
            {
                // Whatever Discord (or a proxy in between) sent, it is one bad frame, not a reason to stop: drop the
                // socket like a network failure and resume. Not "established", so repeats back off.
                LogProtocolFault(logger, ex.Op, ex.Field);
                await CloseForResumeAsync();
                return new GatewayOutcome(GatewayRecovery.Resume, null, Established: false, ProtocolFault: true);
            }
        }
    }

    private async Task<GatewayOutcome?> HandleAsync(GatewayPayload payload, bool resume, CancellationToken token)
    {
        switch (payload.Op)
        {
            case GatewayOpCode.Hello:
                var interval = payload.Required("heartbeat_interval", JsonValueKind.Number).GetDouble();
                if (!(interval > 0))
                {
                    throw new GatewayProtocolException(payload.Op, "d.heartbeat_interval is not positive");
                }

                hello.TrySetResult(TimeSpan.FromMilliseconds(interval));
                if (resume && session.CanResume)
                {
                    LogResuming(logger, session.Sequence);
                    metrics.Resume();
                    await SendAsync(GatewayPayload.Resume(identity.Token, session.SessionId!, session.Sequence), token);
                }
                else
                {
                    LogIdentifying(logger, identity.ShardId, identity.ShardCount);
                    metrics.Identify();
                    await SendAsync(GatewayPayload.Identify(identity.Token, identity.Intents, identity.ShardId, identity.ShardCount), token);
                }

                return null;
            case GatewayOpCode.HeartbeatAck:
                Volatile.Write(ref acknowledged, 1);
                return null;
            case GatewayOpCode.Heartbeat:
                await SendAsync(GatewayPayload.Heartbeat(session.Sequence), token);
                return null;
            case GatewayOpCode.Reconnect:
                LogReconnectRequested(logger);
                await CloseForResumeAsync();
                return new GatewayOutcome(GatewayRecovery.Resume, null, established);
            case GatewayOpCode.InvalidSession:
                var resumable = payload.Data.ValueKind == JsonValueKind.True;
                LogInvalidSession(logger, resumable);
                await CloseForResumeAsync();
                return new GatewayOutcome(resumable ? GatewayRecovery.Resume : GatewayRecovery.NewSession, null, established);
            case GatewayOpCode.Dispatch:
                OnDispatch(payload);
                return null;
            default:
                throw new GatewayProtocolException(payload.Op, "unknown op");
        }
    }

    private void OnDispatch(GatewayPayload payload)
    {
        var name = payload.EventName ?? throw new GatewayProtocolException(payload.Op, "t missing");
        if (name == "READY")
        {
            var resumeUrl = payload.Required("resume_gateway_url", JsonValueKind.String).GetString();
            if (!Uri.TryCreate(resumeUrl, UriKind.Absolute, out var resumeUri))
            {
                throw new GatewayProtocolException(payload.Op, "d.resume_gateway_url is not an absolute URL");
            }

            session.Start(payload.Required("session_id", JsonValueKind.String).GetString()!, resumeUri);
            established = true;
            OnEstablished();
            LogReady(logger);
        }
        else if (name == "RESUMED")
        {
            established = true;
            OnEstablished();
            LogResumed(logger, session.Sequence);
        }

        // Observed only once the event is known good, so a resume replays a rejected one instead of skipping it.
        if (payload.Sequence is { } seq)
        {
            session.Observe(seq);
        }

        // Never waits: the channel is unbounded (the service watches its length), so heartbeat ACKs keep being read
        // however slow the handlers are.
        dispatches.TryWrite(new GatewayDispatch(name, payload.Data, time.GetTimestamp()));
    }

    private async Task HeartbeatLoopAsync(CancellationTokenSource connection)
    {
        var token = connection.Token;
        try
        {
            TimeSpan interval;
            try
            {
                interval = await hello.Task.WaitAsync(HelloTimeout, time, token);
            }
            catch (TimeoutException)
            {
                LogNoHello(logger);
                await connection.CancelAsync();
                return;
            }

            await Task.Delay(interval * jitter.NextDouble(), time, token);
            while (true)
            {
                if (Interlocked.Exchange(ref acknowledged, 0) == 0)
                {
                    LogZombie(logger);
                    await connection.CancelAsync();
                    return;
                }

                await SendAsync(GatewayPayload.Heartbeat(session.Sequence), token);
                await Task.Delay(interval, time, token);
            }
        }
        catch (OperationCanceledException)
        {
            // Connection over.
        }
        catch (Exception ex)
        {
            LogHeartbeatFailed(logger, ex);
            await connection.CancelAsync();
        }
    }

    private async Task SendAsync(byte[] payload, CancellationToken token)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new InvalidOperationException($"Gateway payload of {payload.Length} bytes exceeds {MaxPayloadBytes}.");
        }

        await sendBudget.WaitAsync(token);
        await sendLock.WaitAsync(token);
        try
        {
            await transport.SendAsync(payload, token);
        }
        finally
        {
            sendLock.Release();
        }
    }

    // Any code but 1000/1001 keeps the session resumable.
    private Task CloseForResumeAsync() => CloseAsync(ZombieCloseCode);

    private async Task CloseAsync(int code)
    {
        using var grace = new CancellationTokenSource(CloseGrace, time);
        try
        {
            await transport.DisconnectAsync(code, grace.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCloseFailed(logger, ex);
        }
    }
}
