using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Discord.Interactions;

namespace SmartPick.Bot.Discord.HttpInteractions;

/// <summary>The answer to one HTTP interaction request: status code and optional JSON body.</summary>
public sealed record InteractionHttpResult(int StatusCode, string? JsonBody)
{
    public static InteractionHttpResult Unauthorized { get; } = new(401, null);

    public static InteractionHttpResult Pong { get; } = new(200, """{"type":1}""");

    public static InteractionHttpResult Accepted { get; } = new(202, null);
}

/// <summary>
/// Framework-neutral handler for Discord's Interactions Endpoint URL (HTTP mode, for horizontal scale): verifies the
/// Ed25519 signature over the raw bytes (401 otherwise), answers PING with PONG, and for everything else answers
/// 202 at once and runs the same <see cref="InteractionHandler"/> as the gateway path, which sends exactly one
/// callback over REST (never an inline body as well, so never 40060). A web host maps it like:
/// <c>app.MapPost("/discord/interactions", async (HttpRequest r, DiscordInteractionEndpoint e) => …)</c>.
/// </summary>
public sealed partial class DiscordInteractionEndpoint(
    InteractionSignature signature,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DiscordInteractionEndpoint> logger)
{
    public InteractionHttpResult Handle(ReadOnlyMemory<byte> body, string? signatureHex, string? timestamp)
    {
        var receivedAt = time.GetTimestamp();
        if (!signature.IsValid(signatureHex, timestamp, body.Span))
        {
            return InteractionHttpResult.Unauthorized;
        }

        JsonElement interaction;
        try
        {
            using var doc = JsonDocument.Parse(body);
            interaction = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new InteractionHttpResult(400, null);
        }

        if (interaction.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.GetInt32() == InteractionType.Ping)
        {
            return InteractionHttpResult.Pong;
        }

        _ = RunAsync(new GatewayDispatch("INTERACTION_CREATE", interaction, receivedAt));
        return InteractionHttpResult.Accepted;
    }

    private async Task RunAsync(GatewayDispatch dispatch)
    {
        try
        {
            await Task.Yield();
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<InteractionHandler>().HandleAsync(dispatch, lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord HTTP interaction failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
