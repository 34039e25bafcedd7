using System.Text.Json;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>Interaction types.</summary>
public static class InteractionType
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    public const int ModalSubmit = 5;
}

/// <summary>The parts of an inbound interaction the adapter uses (the spec has no schema for it).</summary>
public sealed record Interaction(
    string Id,
    string ApplicationId,
    int Type,
    string Token,
    string? GuildId,
    string ChannelId,
    string UserId,
    int? Context,
    JsonElement Data)
{
    /// <summary>A guild channel or a group DM: personal replies must be ephemeral there.</summary>
    public bool IsShared => GuildId is not null || Context == 2;

    /// <summary>The member's permission bits in the channel (a string of digits; guild interactions only).</summary>
    public string? MemberPermissions { get; init; }

    /// <summary>
    /// A button pressed on a guide answer (its message carries 👍/👎): the answer must stay, so the reply comes as a new
    /// message (Discord sends the pressed message with every component interaction).
    /// </summary>
    public bool OnRatedAnswer { get; init; }

    /// <summary>A press (or a modal opened by one) on a message: Discord sends that message with the interaction.</summary>
    public bool FromMessage { get; init; }

    /// <summary>A press on an ephemeral message (the intake in a guild channel): only its author sees it, so the answer may replace it.</summary>
    public bool OnEphemeralMessage { get; init; }

    public static Interaction Parse(JsonElement e)
    {
        var user = e.TryGetProperty("member", out var member) && member.TryGetProperty("user", out var mu) ? mu : e.GetProperty("user");
        var channelId = e.TryGetProperty("channel_id", out var c) ? c.GetString()
            : e.TryGetProperty("channel", out var ch) ? ch.GetProperty("id").GetString() : null;
        var pressed = e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : (JsonElement?)null;
        return new Interaction(
            e.GetProperty("id").GetString()!,
            e.GetProperty("application_id").GetString()!,
            e.GetProperty("type").GetInt32(),
            e.GetProperty("token").GetString()!,
            e.TryGetProperty("guild_id", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null,
            channelId ?? string.Empty,
            user.GetProperty("id").GetString()!,
            e.TryGetProperty("context", out var ctx) && ctx.ValueKind == JsonValueKind.Number ? ctx.GetInt32() : null,
            e.TryGetProperty("data", out var d) ? d : default)
        {
            MemberPermissions = member.ValueKind == JsonValueKind.Object && member.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
            OnRatedAnswer = pressed is { } rated && CustomIds(rated).Any(id => Core.Servers.Feedback.FeedbackButtons.IsVote(id[InteractionMapper.ChoicePrefix.Length..])),
            FromMessage = pressed is not null,
            OnEphemeralMessage = pressed is { } on && on.TryGetProperty("flags", out var flags) && flags.ValueKind == JsonValueKind.Number && (flags.GetInt64() & 64) != 0,
        };
    }

    private static IEnumerable<string> CustomIds(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("components", out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("components", out var c) && c.ValueKind == JsonValueKind.Array)
                .SelectMany(r => r.GetProperty("components").EnumerateArray())
                .Select(b => b.ValueKind == JsonValueKind.Object && b.TryGetProperty("custom_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : string.Empty)
                .Where(id => id.StartsWith(InteractionMapper.ChoicePrefix, StringComparison.Ordinal))
            : [];
}
