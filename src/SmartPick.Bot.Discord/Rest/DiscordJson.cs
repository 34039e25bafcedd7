using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartPick.Bot.Discord.Rest;

/// <summary>Serializer settings for Discord: snake_case, nulls omitted.</summary>
public static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
