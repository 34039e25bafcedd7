using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SmartPick.Bot.Discord.Gateway;

/// <summary>How one connection ended.</summary>
public sealed record GatewayOutcome(GatewayRecovery Recovery, int? CloseCode, bool Established, bool Shutdown = false);

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
    ILogger logger) : IDisposable
{
    internal static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(20);
    private const int MaxPayloadBytes = 4096;
    private const int ZombieCloseCode = 4000;

    private readonly TaskCompletionSource<TimeSpan> hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim sendLock = new(1, 1);

    // Discord allows 120 sends per 60 s per connection; keep a little headroom for heartbeats.
    private readonly SlidingWindowLimiter sendBudget = new(117, TimeSpan.FromSeconds(60), time);
    private int acknowledged = 1;
    private bool established;

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
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await transport.DisconnectAsync(1000, grace.Token);
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

            GatewayPayload payload;
            try
            {
                payload = GatewayPayload.Parse(frame.Payload);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                LogUnparsable(logger, ex);
                continue;
            }

            var end = await HandleAsync(payload, resume, token);
            if (end is not null)
            {
                return end;
            }
        }
    }

    private async Task<GatewayOutcome?> HandleAsync(GatewayPayload payload, bool resume, CancellationToken token)
    {
        switch (payload.Op)
        {
            case GatewayOpCode.Hello:
                hello.TrySetResult(TimeSpan.FromMilliseconds(payload.Data.GetProperty("heartbeat_interval").GetDouble()));
                if (resume && session.CanResume)
                {
                    LogResuming(logger, session.Sequence);
                    await SendAsync(GatewayPayload.Resume(identity.Token, session.SessionId!, session.Sequence), token);
                }
                else
                {
                    LogIdentifying(logger, identity.ShardId, identity.ShardCount);
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
                await OnDispatchAsync(payload, token);
                return null;
            default:
                return null;
        }
    }

    private async Task OnDispatchAsync(GatewayPayload payload, CancellationToken token)
    {
        if (payload.Sequence is { } seq)
        {
            session.Observe(seq);
        }

        if (payload.EventName == "READY")
        {
            var resumeUrl = payload.Data.GetProperty("resume_gateway_url").GetString()!;
            session.Start(payload.Data.GetProperty("session_id").GetString()!, new Uri(resumeUrl));
            established = true;
            LogReady(logger);
        }
        else if (payload.EventName == "RESUMED")
        {
            established = true;
            LogResumed(logger, session.Sequence);
        }

        if (payload.EventName is { } name)
        {
            await dispatches.WriteAsync(new GatewayDispatch(name, payload.Data, time.GetTimestamp()), token);
        }
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

    private async Task CloseForResumeAsync()
    {
        // Any code but 1000/1001 keeps the session resumable.
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await transport.DisconnectAsync(ZombieCloseCode, grace.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCloseFailed(logger, ex);
        }
    }
}
