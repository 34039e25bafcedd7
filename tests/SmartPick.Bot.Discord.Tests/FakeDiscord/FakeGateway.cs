using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace SmartPick.Bot.Discord.Tests.FakeDiscord;

/// <summary>
/// The fake gateway: Hello, IDENTIFY → READY + GUILD_CREATE, RESUME on /gw-resume → replay of buffered dispatches +
/// RESUMED, heartbeat ACKs, and scripted faults (drop, op 7, op 9, close codes).
/// </summary>
public sealed class FakeGateway(string expectedToken) : IDisposable
{
    private readonly List<(int Seq, string Json)> buffer = [];
    private readonly Lock gate = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly Channel<string> events = Channel.CreateUnbounded<string>();
    private WebSocket? socket;
    private int seq;
    private int sessionCounter;
    private bool socketReady;
    private bool sessionInvalidated;
    private int lostDispatches;

    public string BaseWs { get; set; } = string.Empty;

    public int HeartbeatIntervalMs { get; set; } = 41250;

    public string? SessionId { get; private set; }

    public int Identifies { get; private set; }

    public int Resumes { get; private set; }

    public int Heartbeats { get; private set; }

    public List<string> ConnectedPaths { get; } = [];

    /// <summary>
    /// Like Discord, send no dispatch on a new connection before it has identified or resumed (they stay buffered for
    /// the resume replay). Off by default; the load harness turns it on.
    /// </summary>
    public bool HoldDispatchesUntilReady { get; set; }

    /// <summary>Dispatches that belonged to a session invalidated with op 9 (false): never delivered, as on Discord.</summary>
    public int LostDispatches => Volatile.Read(ref lostDispatches);

    /// <summary>The sharded gateway once <see cref="EnableSharding"/> was called (it then takes every connection and dispatch).</summary>
    public FakeShardedGateway? Sharded { get; private set; }

    public void Dispose() => sendLock.Dispose();

    /// <summary>Routes connections and dispatches by shard from now on (<paramref name="guilds"/> are the bot's servers).</summary>
    public FakeShardedGateway EnableSharding(int shardCount, IReadOnlyList<string> guilds, TimeProvider time) =>
        Sharded = new FakeShardedGateway(expectedToken, shardCount, guilds, time) { BaseWs = BaseWs };

    public async Task HandleAsync(WebSocket ws, string path, CancellationToken cancellationToken)
    {
        if (Sharded is { } sharded)
        {
            await sharded.HandleAsync(ws, cancellationToken);
            return;
        }

        lock (gate)
        {
            ConnectedPaths.Add(path);
            socket = ws;
            socketReady = false;
        }

        var hello = HelloOverrides.TryDequeue(out var scripted) ? scripted : $$$"""{"op":10,"d":{"heartbeat_interval":{{{HeartbeatIntervalMs}}}}}""";
        await SendAsync(ws, hello);
        var buffer = new byte[64 * 1024];
        while (ws.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            using var message = new MemoryStream();
            try
            {
                do
                {
                    result = await ws.ReceiveAsync(buffer, cancellationToken);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                events.Writer.TryWrite("closed:" + (int?)result.CloseStatus);
                return;
            }

            await OnPayloadAsync(ws, JsonDocument.Parse(message.ToArray()).RootElement, path);
        }
    }

    /// <summary>Sends (or buffers, when disconnected) a dispatch with the next sequence number.</summary>
    public Task DispatchAsync(string name, string dataJson) => TryDispatchAsync(name, dataJson);

    /// <summary>
    /// <see cref="DispatchAsync"/> that reports whether the dispatch can still reach the bot: false when the session was
    /// invalidated (op 9 false) before it went out, so it is lost like on Discord (the bot must identify again).
    /// </summary>
    public async Task<bool> TryDispatchAsync(string name, string dataJson)
    {
        if (Sharded is { } sharded)
        {
            return await sharded.TryDispatchAsync(name, dataJson);
        }

        string json;
        WebSocket? ws;
        lock (gate)
        {
            if (sessionInvalidated)
            {
                lostDispatches++;
                return false;
            }

            json = $$"""{"op":0,"s":{{++seq}},"t":"{{name}}","d":{{dataJson}}}""";
            buffer.Add((seq, json));
            ws = socket;
            if (HoldDispatchesUntilReady && !socketReady)
            {
                ws = null;
            }
        }

        if (ws is not { State: WebSocketState.Open })
        {
            return true;
        }

        await sendLock.WaitAsync();
        try
        {
            lock (gate)
            {
                if (sessionInvalidated)
                {
                    // op 9 went out first: the bot stopped reading this session.
                    lostDispatches++;
                    return false;
                }
            }

            await SendUnlockedAsync(ws, json);
            return true;
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>
    /// Sends op 9. Not resumable: every dispatch after it (until the next IDENTIFY) belongs to the dead session and is
    /// lost (counted in <see cref="LostDispatches"/>; <see cref="TryDispatchAsync"/> returns false).
    /// </summary>
    public async Task InvalidateSessionAsync(bool resumable)
    {
        await sendLock.WaitAsync();
        try
        {
            WebSocket? ws;
            lock (gate)
            {
                sessionInvalidated |= !resumable;
                ws = socket;
            }

            if (ws is not null)
            {
                await SendUnlockedAsync(ws, resumable ? """{"op":9,"d":true}""" : """{"op":9,"d":false}""");
            }
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame; later dispatches are buffered for the resume.</summary>
    public void Drop()
    {
        lock (gate)
        {
            socket?.Abort();
            socket = null;
        }
    }

    /// <summary>Drops the connection and, atomically, queues dispatches that only a resume can deliver.</summary>
    public void DropAndQueue(params (string Name, string DataJson)[] missed)
    {
        lock (gate)
        {
            socket?.Abort();
            socket = null;
            foreach (var (name, data) in missed)
            {
                buffer.Add((++seq, $$"""{"op":0,"s":{{seq}},"t":"{{name}}","d":{{data}}}"""));
            }
        }
    }

    public Task SendRawAsync(string json) => socket is { } ws ? SendAsync(ws, json) : Task.CompletedTask;

    /// <summary>HELLO payloads to send instead of the normal one, one per new connection (malformed-payload tests).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> HelloOverrides { get; } = new();

    /// <summary>Sends a binary WebSocket message (the bot asked for encoding=json, so it never expects one).</summary>
    public async Task SendBinaryAsync(byte[] bytes)
    {
        if (socket is not { } ws)
        {
            return;
        }

        await sendLock.WaitAsync();
        try
        {
            await ws.SendAsync(bytes, WebSocketMessageType.Binary, true, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }

    public async Task CloseAsync(int code)
    {
        if (socket is { } ws)
        {
            await ws.CloseOutputAsync((WebSocketCloseStatus)code, "scripted", CancellationToken.None);
        }
    }

    public async Task<string> NextEventAsync()
    {
        // Generous: the whole suite runs its projects in parallel on 2 cores (a clean-clone CI run once waited > 10 s).
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await events.Reader.ReadAsync(cts.Token);
    }

    private async Task OnPayloadAsync(WebSocket ws, JsonElement payload, string path)
    {
        var d = payload.TryGetProperty("d", out var data) ? data : default;
        switch (payload.GetProperty("op").GetInt32())
        {
            case 1:
                Heartbeats++;
                await SendAsync(ws, """{"op":11}""");
                break;
            case 2:
                if (d.GetProperty("token").GetString() != expectedToken)
                {
                    await ws.CloseOutputAsync((WebSocketCloseStatus)4004, "Authentication failed.", CancellationToken.None);
                    return;
                }

                if (d.TryGetProperty("shard", out var shard) && (shard[1].GetInt32() < 1 || shard[0].GetInt32() < 0 || shard[0].GetInt32() >= shard[1].GetInt32()))
                {
                    await ws.CloseOutputAsync((WebSocketCloseStatus)4010, "Invalid shard.", CancellationToken.None);
                    return;
                }

                Identifies++;
                string ready;
                lock (gate)
                {
                    SessionId = "session-" + ++sessionCounter;
                    seq = 0;
                    buffer.Clear();
                    sessionInvalidated = false;
                    socketReady = true;
                    ready = $$$"""{"v":10,"user":{"id":"111","username":"smartpick","discriminator":"0","bot":true,"avatar":null},"guilds":[{"id":"222","unavailable":true}],"session_id":"{{{SessionId}}}","resume_gateway_url":"{{{BaseWs}}}/gw-resume","shard":[0,1],"application":{"id":"333","flags":0}}""";
                }

                events.Writer.TryWrite("identify:" + path);
                await DispatchAsync("READY", ready);
                await DispatchAsync("GUILD_CREATE", """{"id":"222","name":"SoCal IMGs","unavailable":false}""");
                break;
            case 6:
                Resumes++;
                await ResumeAsync(ws, d, path);
                break;
        }
    }

    private async Task ResumeAsync(WebSocket ws, JsonElement d, string path)
    {
        List<(int Seq, string Json)> replay;
        var from = d.GetProperty("seq").ValueKind == JsonValueKind.Number ? d.GetProperty("seq").GetInt32() : 0;
        lock (gate)
        {
            replay = d.GetProperty("session_id").GetString() != SessionId ? [] : buffer.Where(b => b.Seq > from).ToList();
        }

        if (d.GetProperty("session_id").GetString() != SessionId)
        {
            await SendAsync(ws, """{"op":9,"d":false}""");
            return;
        }

        events.Writer.TryWrite("resume:" + path + ":" + d.GetProperty("seq").GetRawText());
        while (true)
        {
            foreach (var (s, json) in replay)
            {
                await SendAsync(ws, json);
                from = s;
            }

            lock (gate)
            {
                // Dispatches held back while the replay went out follow it; then the connection takes live ones.
                replay = HoldDispatchesUntilReady ? buffer.Where(b => b.Seq > from).ToList() : [];
                if (replay.Count == 0)
                {
                    socketReady = true;
                    break;
                }
            }
        }

        await DispatchAsync("RESUMED", "{}");
    }

    private async Task SendAsync(WebSocket ws, string json)
    {
        await sendLock.WaitAsync();
        try
        {
            await SendUnlockedAsync(ws, json);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private static async Task SendUnlockedAsync(WebSocket ws, string json)
    {
        try
        {
            if (ws.State == WebSocketState.Open)
            {
                await ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // Peer went away.
        }
    }
}
