using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace SmartPick.Bot.Discord.Tests.FakeDiscord;

/// <summary>
/// The fake gateway when the bot runs several shards (turned on with <see cref="FakeGateway.EnableSharding"/>), as
/// Discord routes them: each IDENTIFY starts a session of shard <c>[id, count]</c>; a guild's events go to shard
/// <c>(guild_id &gt;&gt; 22) % count</c>, events without a guild (DMs) to shard 0. A shard outside <c>[0, count)</c> is
/// closed with 4010 (invalid shard), a count below <see cref="ShardCount"/> with 4011 (sharding required). Like Discord it
/// accepts a second session of a shard that is already connected and sends both the shard's events (counted in
/// <see cref="DuplicateSessions"/>, which a correct lease scheme keeps at 0), and replays a session's events only to a
/// RESUME of that session. <see cref="IdentifyLog"/> keeps when each shard identified (the identify spacing).
/// An event no connected session receives within <see cref="DeliveryWindow"/> is lost (a user sees "This interaction
/// failed" and tries again): <see cref="TryDispatchAsync"/> returns false then.
/// </summary>
public sealed partial class FakeShardedGateway(string expectedToken, int shardCount, IReadOnlyList<string> guilds, TimeProvider time)
{
    public static readonly TimeSpan DeliveryWindow = TimeSpan.FromSeconds(3);
    private readonly Dictionary<int, List<Session>> sessions = [];
    private readonly Lock gate = new();
    private int sessionCounter;
    private int duplicateSessions;
    private int lostDispatches;

    /// <summary>Shards the bot must run (Discord's "sharding required" threshold and GET /gateway/bot's <c>shards</c>).</summary>
    public int ShardCount { get; } = shardCount;

    public string BaseWs { get; set; } = string.Empty;

    /// <summary>Every accepted IDENTIFY: shard, count, session id and when (time provider of the server).</summary>
    public ConcurrentQueue<(int Shard, int Count, string SessionId, DateTimeOffset At)> IdentifyLog { get; } = new();

    /// <summary>Events routed to each shard (delivered or not).</summary>
    public ConcurrentDictionary<int, int> Routed { get; } = new();

    /// <summary>Close codes the fake sent (4010, 4011), in order.</summary>
    public ConcurrentQueue<int> Closes { get; } = new();

    /// <summary>Sessions started for a shard that already had a connected session (Discord allows it; both get its events).</summary>
    public int DuplicateSessions => Volatile.Read(ref duplicateSessions);

    /// <summary>Events no session received (no session of the shard, or not connected within <see cref="DeliveryWindow"/>).</summary>
    public int LostDispatches => Volatile.Read(ref lostDispatches);

    public static int ShardOf(string? guildId, int count) =>
        guildId is null ? 0 : (int)((long.Parse(guildId, CultureInfo.InvariantCulture) >> 22) % count);

    /// <summary>A guild id that Discord routes to <paramref name="shard"/> of <paramref name="count"/> (the n-th such id).</summary>
    public static string GuildOnShard(int shard, int count, int n) =>
        ((((long)(200_000_000 + shard) + ((long)count * n)) << 22) | 0x2A).ToString(CultureInfo.InvariantCulture);

    /// <summary>True when a connected session of the shard holds the shard right now.</summary>
    public bool IsServed(int shard)
    {
        lock (gate)
        {
            return sessions.TryGetValue(shard, out var list) && list.Any(s => s.Connection is { Ready: true, Ws.State: WebSocketState.Open });
        }
    }

    public async Task HandleAsync(WebSocket ws, CancellationToken cancellationToken)
    {
        var connection = new Connection(ws);
        await connection.SendAsync("""{"op":10,"d":{"heartbeat_interval":41250}}""");
        var buffer = new byte[64 * 1024];
        try
        {
            while (ws.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await ws.ReceiveAsync(buffer, cancellationToken);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                await OnPayloadAsync(connection, JsonDocument.Parse(message.ToArray()).RootElement);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The bot went away (a SIGKILL resets the connection).
        }
        finally
        {
            connection.Ready = false;
        }
    }

    /// <summary>Routes a dispatch to its shard's connected sessions; false when none received it (lost, as on Discord).</summary>
    public async Task<bool> TryDispatchAsync(string name, string dataJson)
    {
        var guild = JsonDocument.Parse(dataJson).RootElement.TryGetProperty("guild_id", out var g) ? g.GetString() : null;
        var shard = ShardOf(guild, ShardCount);
        Routed.AddOrUpdate(shard, 1, (_, n) => n + 1);
        var waited = time.GetTimestamp();
        List<(Session Session, int Seq)> queued;
        lock (gate)
        {
            queued = sessions.TryGetValue(shard, out var list) ? [.. list.Where(s => !s.Superseded).Select(s => (s, s.Buffer(name, dataJson)))] : [];
        }

        var delivered = false;
        foreach (var (session, seq) in queued)
        {
            while (true)
            {
                if (session.Connection is { Ready: true } c && await session.SendBufferedAsync(c) && session.Delivered >= seq)
                {
                    delivered = true;
                    break;
                }

                if (session.Superseded || time.GetElapsedTime(waited) > DeliveryWindow)
                {
                    break;
                }

                await Task.Delay(50);
            }
        }

        if (!delivered)
        {
            Interlocked.Increment(ref lostDispatches);
        }

        return delivered;
    }

    private async Task OnPayloadAsync(Connection connection, JsonElement payload)
    {
        var d = payload.TryGetProperty("d", out var data) ? data : default;
        switch (payload.GetProperty("op").GetInt32())
        {
            case 1:
                await connection.SendAsync("""{"op":11}""");
                break;
            case 2:
                await IdentifyAsync(connection, d);
                break;
            case 6:
                await ResumeAsync(connection, d);
                break;
        }
    }

    private async Task IdentifyAsync(Connection connection, JsonElement d)
    {
        if (d.GetProperty("token").GetString() != expectedToken)
        {
            await connection.CloseAsync(4004, "Authentication failed.");
            return;
        }

        var (shard, count) = d.TryGetProperty("shard", out var s) ? (s[0].GetInt32(), s[1].GetInt32()) : (0, 1);
        if (count < 1 || shard < 0 || shard >= count)
        {
            Closes.Enqueue(4010);
            await connection.CloseAsync(4010, "Invalid shard.");
            return;
        }

        if (count < ShardCount)
        {
            Closes.Enqueue(4011);
            await connection.CloseAsync(4011, "Sharding required.");
            return;
        }

        var session = new Session("shard-session-" + Interlocked.Increment(ref sessionCounter)) { Connection = connection };
        lock (gate)
        {
            var list = sessions.TryGetValue(shard, out var l) ? l : sessions[shard] = [];
            if (list.Any(x => x.Connection is { Ready: true, Ws.State: WebSocketState.Open }))
            {
                Interlocked.Increment(ref duplicateSessions); // Discord allows it; both sessions now get the shard's events
            }

            // A session nobody is connected to can only be resumed; a new IDENTIFY of the shard replaces it, and the
            // events it still buffered are lost.
            foreach (var old in list.Where(x => x.Connection is not { Ready: true, Ws.State: WebSocketState.Open }).ToList())
            {
                old.Superseded = true;
                list.Remove(old);
            }

            list.Add(session);
            IdentifyLog.Enqueue((shard, count, session.Id, time.GetUtcNow()));
        }

        var own = guilds.Where(g => ShardOf(g, count) == shard).ToList();
        var unavailable = string.Join(',', own.Select(g => $$"""{"id":"{{g}}","unavailable":true}"""));
        session.Buffer("READY", $$$"""{"v":10,"user":{"id":"111","username":"smartpick","discriminator":"0","bot":true,"avatar":null},"guilds":[{{{unavailable}}}],"session_id":"{{{session.Id}}}","resume_gateway_url":"{{{BaseWs}}}/gw-resume","shard":[{{{shard}}},{{{count}}}],"application":{"id":"333","flags":0}}""");
        foreach (var g in own)
        {
            session.Buffer("GUILD_CREATE", $$"""{"id":"{{g}}","name":"Server {{g}}","unavailable":false}""");
        }

        connection.Ready = true;
        await session.SendBufferedAsync(connection);
    }

    private async Task ResumeAsync(Connection connection, JsonElement d)
    {
        Session? session;
        lock (gate)
        {
            var id = d.GetProperty("session_id").GetString();
            session = sessions.Values.SelectMany(l => l).FirstOrDefault(s => s.Id == id && !s.Superseded);
        }

        if (session is null)
        {
            await connection.SendAsync("""{"op":9,"d":false}""");
            return;
        }

        var from = d.GetProperty("seq").ValueKind == JsonValueKind.Number ? d.GetProperty("seq").GetInt32() : 0;
        session.Rewind(from);
        session.Connection = connection;
        connection.Ready = true;
        await session.SendBufferedAsync(connection);
        session.Buffer("RESUMED", "{}");
        await session.SendBufferedAsync(connection);
    }
}
