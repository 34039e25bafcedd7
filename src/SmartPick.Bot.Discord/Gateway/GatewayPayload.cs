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

/// <summary>
/// A payload the client cannot act on (invalid JSON, a missing or wrong-typed field, an unknown op, a binary or
/// oversized frame). The connection treats it like a dropped socket: close non-1000 and resume.
/// </summary>
public sealed class GatewayProtocolException(int? op, string field, Exception? inner = null)
    : Exception($"gateway payload op {op?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: {field}", inner)
{
    public int? Op { get; } = op;

    public string Field { get; } = field;
}

/// <summary>The gateway envelope <c>{op, d, s, t}</c>; unknown fields are ignored, wrong-typed ones rejected.</summary>
public sealed record GatewayPayload(int Op, JsonElement Data, int? Sequence, string? EventName)
{
    public static GatewayPayload Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            throw new GatewayProtocolException(null, "invalid JSON", ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new GatewayProtocolException(null, "payload is not an object");
            }

            if (!root.TryGetProperty("op", out var opElement) || opElement.ValueKind != JsonValueKind.Number || !opElement.TryGetInt32(out var op))
            {
                throw new GatewayProtocolException(null, "op missing or not an integer");
            }

            var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
            var seq = Optional(root, "s", JsonValueKind.Number, op) is { } s
                ? s.TryGetInt32(out var n) ? n : throw new GatewayProtocolException(op, "s is not an integer")
                : (int?)null;
            var name = Optional(root, "t", JsonValueKind.String, op)?.GetString();
            return new GatewayPayload(op, data, seq, name);
        }
    }

    /// <summary>A required field of <c>d</c> of the given kind (a protocol fault otherwise).</summary>
    public JsonElement Required(string field, JsonValueKind kind)
    {
        if (Data.ValueKind != JsonValueKind.Object)
        {
            throw new GatewayProtocolException(Op, "d is not an object");
        }

        return Data.TryGetProperty(field, out var value) && value.ValueKind == kind
            ? value
            : throw new GatewayProtocolException(Op, $"d.{field} missing or not {kind}");
    }

    private static JsonElement? Optional(JsonElement root, string field, JsonValueKind kind, int op) =>
        !root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == kind ? value
        : throw new GatewayProtocolException(op, $"{field} is {value.ValueKind}, expected {kind}");

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
