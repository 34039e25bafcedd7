using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Gateway;

/// <summary>Where a fresh connection goes and how many IDENTIFYs remain (GET /gateway/bot).</summary>
public interface IGatewayBotSource
{
    Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken);
}

/// <summary>Reads GET /gateway/bot through the REST client.</summary>
public sealed class RestGatewayBotSource(DiscordRestClient rest) : IGatewayBotSource
{
    public Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken) => rest.GetGatewayBotAsync(cancellationToken);
}
