using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Discord.Interactions;
using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Hosting;

/// <summary>Routes one dispatch event (resolved per event, in its own scope) to the right handler.</summary>
public sealed partial class DispatchRouter(
    InteractionHandler interactions,
    DirectConversation direct,
    CommandRegistrar registrar,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<DispatchRouter> logger,
    Servers.GuildRemoval? guilds = null)
{
    public Task RouteAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        return dispatch.EventName switch
        {
            "INTERACTION_CREATE" => interactions.HandleAsync(dispatch, cancellationToken),
            "MESSAGE_CREATE" => OnMessageAsync(dispatch.Data, cancellationToken),
            "READY" => OnReadyAsync(dispatch.Data, cancellationToken),
            "RATE_LIMITED" => RateLimited(dispatch.Data),
            "GUILD_DELETE" when guilds is not null => guilds.HandleAsync(dispatch.Data, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private Task RateLimited(JsonElement data)
    {
        var opcode = data.TryGetProperty("opcode", out var op) && op.ValueKind == JsonValueKind.Number ? op.GetInt32() : -1;
        var retry = data.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : 0;
        LogGatewayRateLimited(logger, opcode, retry);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway rate-limited opcode {Opcode}; retry after {Seconds} s")]
    private static partial void LogGatewayRateLimited(ILogger logger, int opcode, double seconds);

    private async Task OnReadyAsync(JsonElement ready, CancellationToken cancellationToken)
    {
        if (!options.Value.RegisterCommands)
        {
            return;
        }

        var applicationId = options.Value.ApplicationId is { Length: > 0 } configured ? configured
            : ready.TryGetProperty("application", out var app) ? app.GetProperty("id").GetString()
            : null;
        applicationId ??= (await rest.GetCurrentApplicationAsync(cancellationToken)).Id;
        await registrar.RegisterAsync(applicationId, cancellationToken);
    }

    private Task OnMessageAsync(JsonElement message, CancellationToken cancellationToken)
    {
        // Only DMs (no guild_id) from people; guild chatter is for slash commands.
        if (message.TryGetProperty("guild_id", out var guild) && guild.ValueKind == JsonValueKind.String)
        {
            return Task.CompletedTask;
        }

        var author = message.GetProperty("author");
        var isBot = author.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True;
        var text = message.TryGetProperty("content", out var c) ? c.GetString() : null;
        if (isBot || string.IsNullOrWhiteSpace(text))
        {
            return Task.CompletedTask;
        }

        var inbound = new InboundMessage(
            InteractionMapper.Platform,
            message.GetProperty("channel_id").GetString()!,
            author.GetProperty("id").GetString()!,
            ChatKind.Direct,
            new TextContent(text))
        {
            MessageId = "message:" + message.GetProperty("id").GetString(), // replayed on resume: applied once
        };
        return direct.HandleAsync(inbound, cancellationToken);
    }
}
