using System.Text.Json;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.FakeDiscord;

/// <summary>Routes each REST body to its OpenAPI schema (dispatching callbacks on type) plus the semantic rules.</summary>
public static class FakeDiscordValidation
{
    public static IReadOnlyList<string> Validate(string method, string path, JsonElement? maybeBody, string? fileName)
    {
        if (maybeBody is not { } body)
        {
            return method is "GET" or "DELETE" ? [] : ["missing body"];
        }

        var errors = new List<string>();
        var hasFile = fileName is not null;
        if (path.EndsWith("/callback", StringComparison.Ordinal))
        {
            var schema = body.GetProperty("type").GetInt32() switch
            {
                1 => "PongInteractionCallbackRequest",
                4 or 5 => "CreateMessageInteractionCallbackRequest",
                6 or 7 => "UpdateMessageInteractionCallbackRequest",
                8 => "ApplicationCommandAutocompleteCallbackRequest",
                9 => "ModalInteractionCallbackRequest",
                _ => "unknown callback type",
            };
            errors.AddRange(DiscordSpec.Validate(schema, body));
            errors.AddRange(DiscordSemanticRules.CheckCallback(body, hasFile));
            if (body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                errors.AddRange(CheckFiles(data, fileName));
            }
        }
        else if (path.EndsWith("/messages/@original", StringComparison.Ordinal))
        {
            errors.AddRange(Message(body, "IncomingWebhookUpdateRequestPartial", fileName));
        }
        else if (path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal))
        {
            errors.AddRange(Message(body, "IncomingWebhookRequestPartial", fileName));
        }
        else if (path.StartsWith("/api/v10/channels/", StringComparison.Ordinal) && path.EndsWith("/messages", StringComparison.Ordinal))
        {
            errors.AddRange(Message(body, "MessageCreateRequest", fileName));
        }
        else if (path == "/api/v10/users/@me/channels")
        {
            errors.AddRange(DiscordSpec.Validate("CreatePrivateChannelRequest", body));
        }
        else if (path.EndsWith("/commands", StringComparison.Ordinal) && method == "PUT")
        {
            errors.AddRange(DiscordSpec.ValidateArray("ApplicationCommandUpdateRequest", 130, body));
            errors.AddRange(DiscordSemanticRules.CheckCommands(body));
        }
        else
        {
            errors.Add("no schema mapped for this route");
        }

        return errors;
    }

    private static IEnumerable<string> Message(JsonElement body, string schema, string? fileName) =>
        DiscordSpec.Validate(schema, body)
            .Concat(DiscordSemanticRules.CheckMessage(body, schema, fileName is not null))
            .Concat(CheckFiles(body, fileName));

    private static IEnumerable<string> CheckFiles(JsonElement body, string? fileName)
    {
        var ids = body.TryGetProperty("attachments", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.GetProperty("id").GetString()).ToList()
            : [];
        if (fileName is not null && !ids.Contains("0"))
        {
            yield return "files[0] without attachments[{id:\"0\"}]";
        }

        if (fileName is null && ids.Count > 0)
        {
            yield return "attachments listed without files";
        }
    }
}
