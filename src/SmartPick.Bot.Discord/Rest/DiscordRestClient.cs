using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SmartPick.Bot.Discord.Rest;

/// <summary>
/// Typed <see cref="HttpClient"/> for Discord REST v10. Base address, <c>Authorization: Bot …</c> and
/// <c>User-Agent</c> are set at registration; rate limits are handled by <see cref="RateLimitHandler"/>.
/// </summary>
public sealed class DiscordRestClient(HttpClient http)
{
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        await SendAsync<GatewayBotInfo>(HttpMethod.Get, "gateway/bot", null, null, cancellationToken)
        ?? throw new InvalidOperationException("Empty /gateway/bot response.");

    public async Task<ApplicationInfo> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        await SendAsync<ApplicationInfo>(HttpMethod.Get, "applications/@me", null, null, cancellationToken)
        ?? throw new InvalidOperationException("Empty /applications/@me response.");

    public Task BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<CommandDefinition> commands, CancellationToken cancellationToken)
    {
        var path = guildId is null
            ? $"applications/{applicationId}/commands"
            : $"applications/{applicationId}/guilds/{guildId}/commands";
        return SendAsync<JsonElement>(HttpMethod.Put, path, commands, null, cancellationToken);
    }

    public Task CreateInteractionResponseAsync(string interactionId, string token, InteractionCallback callback, FileUpload? file, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"interactions/{interactionId}/{token}/callback", callback, file, cancellationToken);

    public Task EditOriginalResponseAsync(string applicationId, string token, MessageBody body, FileUpload? file, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Patch, $"webhooks/{applicationId}/{token}/messages/@original", body, file, cancellationToken);

    public Task CreateFollowupAsync(string applicationId, string token, MessageBody body, FileUpload? file, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"webhooks/{applicationId}/{token}", body, file, cancellationToken);

    public async Task<ChannelInfo> CreateDmChannelAsync(string userId, CancellationToken cancellationToken) =>
        await SendAsync<ChannelInfo>(HttpMethod.Post, "users/@me/channels", new { recipient_id = userId }, null, cancellationToken)
        ?? throw new InvalidOperationException("Empty DM channel response.");

    public async Task<MessageInfo?> CreateMessageAsync(string channelId, MessageBody body, FileUpload? file, CancellationToken cancellationToken) =>
        await SendAsync<MessageInfo>(HttpMethod.Post, $"channels/{channelId}/messages", body, file, cancellationToken);

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, FileUpload? file, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = BuildContent(body, file) };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ToExceptionAsync(response, cancellationToken);
        }

        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            return default;
        }

        return await response.Content.ReadFromJsonAsync<T>(DiscordJson.Options, cancellationToken);
    }

    private static HttpContent? BuildContent(object? body, FileUpload? file)
    {
        if (body is null)
        {
            return null;
        }

        // Buffered bytes, so the rate-limit handler can resend the same request after a 429.
        var json = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), DiscordJson.Options));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (file is null)
        {
            return json;
        }

        var multipart = new MultipartFormDataContent
        {
            { json, "payload_json" },
        };
        var bytes = new ByteArrayContent(file.Content);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        multipart.Add(bytes, "files[0]", file.FileName);
        return multipart;
    }

    private static async Task<DiscordRestException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = 0;
        var message = response.ReasonPhrase ?? "error";
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (doc.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number)
            {
                code = c.GetInt32();
            }

            if (doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                message = m.GetString() ?? message;
            }
        }
        catch (JsonException)
        {
            // Non-JSON error (e.g. a Cloudflare page): keep the status only.
        }

        return new DiscordRestException(response.StatusCode, code, message);
    }
}
