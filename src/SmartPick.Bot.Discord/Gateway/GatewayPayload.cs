using System.Text.Json;

namespace SmartPick.Bot.Discord.Gateway;

/// <summary>Gateway opcodes used by the client.</summary>
public static class GatewayOpCode
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}

/// <summary>The gateway envelope <c>{op, d, s, t}</c>; unknown fields are ignored.</summary>
public sealed record GatewayPayload(int Op, JsonElement Data, int? Sequence, string? EventName)
{
    public static GatewayPayload Parse(ReadOnlyMemory<byte> utf8)
    {
        using var doc = JsonDocument.Parse(utf8);
        var root = doc.RootElement;
        var op = root.GetProperty("op").GetInt32();
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
        int? seq = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;
        var name = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new GatewayPayload(op, data, seq, name);
    }

    public static byte[] Heartbeat(int? sequence) =>
        JsonSerializer.SerializeToUtf8Bytes(new { op = GatewayOpCode.Heartbeat, d = sequence });

    public static byte[] Identify(string token, int intents, int shardId, int shardCount) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            op = GatewayOpCode.Identify,
            d = new
            {
                token,
                intents,
                properties = new { os = "linux", browser = "smartpick", device = "smartpick" },
                shard = new[] { shardId, shardCount },
            },
        });

    public static byte[] Resume(string token, string sessionId, int? sequence) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            op = GatewayOpCode.Resume,
            d = new { token, session_id = sessionId, seq = sequence },
        });
}

/// <summary>Intents SmartPick identifies with: GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES (none privileged).</summary>
public static class GatewayIntents
{
    public const int Guilds = 1 << 0;
    public const int GuildMessages = 1 << 9;
    public const int DirectMessages = 1 << 12;
    public const int Default = Guilds | GuildMessages | DirectMessages;
}
