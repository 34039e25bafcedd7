using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SmartPick.Bot.Discord.Tests.FakeDiscord;

public sealed partial class FakeDiscordServer
{
    private void MapRoutes()
    {
        app.MapGet("/api/v10/gateway/bot", () => Results.Json(new
        {
            url = Gateway.BaseWs + "/gw",
            shards = Gateway.Sharded?.ShardCount ?? 1,
            session_start_limit = new { total = 1000, remaining = 999, reset_after = 14_400_000, max_concurrency = 1 },
        }));
        app.MapGet("/api/v10/applications/@me", () => Results.Json(new { id = "333", name = "SmartPick" }));
        app.MapPut("/api/v10/applications/{app}/commands", (HttpContext c) => Results.Json(c.Items["body"]));
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands", (HttpContext c) => Results.Json(c.Items["body"]));
        app.MapPost("/api/v10/users/@me/channels", (HttpContext c) =>
        {
            var recipient = ((JsonElement)c.Items["body"]!).GetProperty("recipient_id").GetString();
            return recipient == "50007000000000000"
                ? Error(403, 50007, "Cannot send messages to this user")
                : Results.Json(new { id = "9" + recipient![1..], type = 1 });
        });
        app.MapPost("/api/v10/channels/{id}/messages", (string id) => PostMessage(id));
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", (string id, string token, HttpContext c) => Callback(id, token, (JsonElement)c.Items["body"]!));
        app.MapMethods("/api/v10/webhooks/{app}/{token}/messages/@original", ["PATCH"], (string token) => EditOriginal(token));
        app.MapPost("/api/v10/webhooks/{app}/{token}", (string token) => Followup(token));
    }

    private IResult Callback(string id, string token, JsonElement body)
    {
        var now = time.GetUtcNow();
        if (!Interactions.TryGetValue(id, out var state) || state.Token != token || now - state.ReceivedAt > AckDeadline)
        {
            Interlocked.Increment(ref unknownInteraction);
            return Error(404, 10062, "Unknown interaction");
        }

        lock (state)
        {
            if (state.AckType is not null)
            {
                Interlocked.Increment(ref alreadyAcknowledged);
                return Error(400, 40060, "Interaction has already been acknowledged.");
            }

            state.AckType = body.GetProperty("type").GetInt32();
            state.AckedAt = now;
            state.HasOriginal = state.AckType is 4 or 5 or 6 or 7;
        }

        return Results.NoContent();
    }

    private IResult EditOriginal(string token)
    {
        var state = Interactions.Values.FirstOrDefault(s => s.Token == token);
        if (state?.AckedAt is null || !state.HasOriginal)
        {
            return Error(404, 10015, "Unknown Webhook");
        }

        if (time.GetUtcNow() - state.AckedAt > TokenLifetime)
        {
            return Error(401, 50027, "Invalid Webhook Token");
        }

        state.Edits++;
        return Message("645027906669510667");
    }

    private IResult Followup(string token)
    {
        var state = Interactions.Values.FirstOrDefault(s => s.Token == token);
        if (state?.AckedAt is null)
        {
            return Error(404, 10015, "Unknown Webhook");
        }

        if (time.GetUtcNow() - state.AckedAt > TokenLifetime)
        {
            return Error(401, 50027, "Invalid Webhook Token");
        }

        state.Followups++;
        return Message("645027906669510667");
    }
}
