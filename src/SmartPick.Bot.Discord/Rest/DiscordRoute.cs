namespace SmartPick.Bot.Discord.Rest;

/// <summary>
/// A request's rate-limit identity: the route template (ids and tokens replaced) and its major parameter
/// (channel, guild, webhook or interaction id). Interaction routes are exempt from the global limit.
/// </summary>
public sealed record DiscordRoute(string Template, string Major, bool IsInteraction)
{
    private static readonly string[] MajorResources = ["channels", "guilds", "webhooks", "interactions"];

    public static DiscordRoute From(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segments = (request.RequestUri?.AbsolutePath ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.IndexOf(segments, "v10") + 1;
        var parts = new List<string>();
        var major = string.Empty;
        var interaction = false;
        for (var i = start; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > start ? segments[i - 1] : string.Empty;
            var beforePrevious = i > start + 1 ? segments[i - 2] : string.Empty;
            if (major.Length == 0 && MajorResources.Contains(previous) && IsId(segment))
            {
                major = previous + "/" + segment;
                interaction |= previous == "interactions";
                parts.Add(segment);
            }
            else if (beforePrevious is "webhooks" or "interactions" && IsId(previous))
            {
                // webhooks/{app}/{token} and interactions/{id}/{token}: interaction token routes. Discord limits a webhook
                // per id and token, so each interaction's followups have their own bucket (the token itself stays out
                // of the key, which may be logged: a hash of it stands in).
                interaction = true;
                parts.Add(":token");
                major += "/" + segment.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                parts.Add(IsId(segment) ? ":id" : segment);
            }
        }

        return new DiscordRoute(request.Method.Method + " /" + string.Join('/', parts), major, interaction);
    }

    private static bool IsId(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);
}
