using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using SmartPick.Bot.Discord;
using SmartPick.Bot.Discord.HttpInteractions;
using SmartPick.Bot.Http.Health;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Webhook;

namespace SmartPick.Bot.Http;

/// <summary>
/// The routes of the front door. Webhook and interactions handlers stay small seams (receive → hand to the adapter's
/// handler → status), so a durable inbox can slot in behind them.
/// </summary>
public static class FrontDoorEndpoints
{
    public const string DiscordInteractionsPath = "/discord/interactions";
    public const string DefaultTelegramWebhookPath = "/telegram/webhook";

    public static void Map(IEndpointRouteBuilder app, IServiceProvider bot)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(bot);

        // Liveness: the process serves requests. Nothing external is consulted, so a database outage does not get
        // the process killed; that is what /readyz is for.
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", context => ReadinessResponse.WriteAsync(context, bot.GetRequiredService<HealthCheckService>()));
        if (bot.GetService<MeterProvider>() is { } meters)
        {
            app.MapPrometheusScrapingEndpoint("/metrics", meters, null, null);
        }

        if (bot.GetService<WebhookReceiver>() is { } webhook)
        {
            app.MapPost(TelegramWebhookPath(bot.GetRequiredService<IOptions<TelegramOptions>>().Value), async context =>
                context.Response.StatusCode = await webhook.ReceiveAsync(
                    context.Request.Headers[WebhookReceiver.SecretHeader], context.Request.Body, context.RequestAborted));
        }

        if (bot.GetService<IOptions<DiscordOptions>>()?.Value.PublicKey is { Length: > 0 })
        {
            var interactions = bot.GetRequiredService<DiscordInteractionEndpoint>();
            app.MapPost(DiscordInteractionsPath, context => DiscordInteractionAsync(context, interactions));
        }
    }

    /// <summary>The path of the registered public webhook URL (a proxy forwards it unchanged).</summary>
    public static string TelegramWebhookPath(TelegramOptions options) =>
        Uri.TryCreate(options?.Webhook.Url, UriKind.Absolute, out var url) && url.AbsolutePath.Length > 1 ? url.AbsolutePath : DefaultTelegramWebhookPath;

    private static async Task DiscordInteractionAsync(HttpContext context, DiscordInteractionEndpoint endpoint)
    {
        // Verify the raw bytes, never re-serialized JSON.
        using var raw = new MemoryStream();
        await context.Request.Body.CopyToAsync(raw, context.RequestAborted);
        var result = endpoint.Handle(raw.ToArray(), context.Request.Headers["X-Signature-Ed25519"], context.Request.Headers["X-Signature-Timestamp"]);
        context.Response.StatusCode = result.StatusCode;
        if (result.JsonBody is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(result.JsonBody, context.RequestAborted);
        }
    }
}
