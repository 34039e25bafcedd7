using System.Text.Json;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Discord.Interactions;

namespace SmartPick.Bot.Discord.Servers;

/// <summary>
/// GUILD_DELETE: when the bot was removed from a server (no <c>unavailable: true</c>), that server's settings are
/// deleted. With <c>unavailable: true</c> the guild is only in an outage and everything stays.
/// </summary>
public sealed partial class GuildRemoval(IEnumerable<IServerSettingsStore> stores, ILogger<GuildRemoval> logger)
{
    public async Task HandleAsync(JsonElement guild, CancellationToken cancellationToken)
    {
        if (guild.TryGetProperty("unavailable", out var unavailable) && unavailable.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (!guild.TryGetProperty("id", out var id) || id.GetString() is not { Length: > 0 } guildId)
        {
            return;
        }

        foreach (var store in stores)
        {
            if (await store.DeleteAsync(new ServerKey(InteractionMapper.Platform, guildId), cancellationToken))
            {
                LogSettingsDeleted(logger, guildId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed from Discord guild {GuildId}: its server settings were deleted")]
    private static partial void LogSettingsDeleted(ILogger logger, string guildId);
}
