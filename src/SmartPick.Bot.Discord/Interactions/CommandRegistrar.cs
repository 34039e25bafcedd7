using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Discord.Hosting;
using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>Bulk-overwrites the slash commands (globally or to one guild), skipping the PUT when the definitions are unchanged.</summary>
public sealed partial class CommandRegistrar(DiscordRestClient rest, DiscordStateStore state, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    public async Task RegisterAsync(string applicationId, CancellationToken cancellationToken)
    {
        var guildId = options.Value.GuildId is { Length: > 0 } g ? g : null;
        var body = JsonSerializer.SerializeToUtf8Bytes(CommandCatalog.All, DiscordJson.Options);
        var hash = Convert.ToHexString(SHA256.HashData(body));
        var key = $"discord:commands:{applicationId}:{guildId ?? "global"}";
        if (await state.GetAsync(key, cancellationToken) == hash)
        {
            LogUnchanged(logger);
            return;
        }

        try
        {
            await rest.BulkOverwriteCommandsAsync(applicationId, guildId, CommandCatalog.All, cancellationToken);
            await state.SetAsync(key, hash, cancellationToken);
            LogRegistered(logger, CommandCatalog.All.Count, guildId is null ? "global" : "guild");
        }
        catch (DiscordRestException ex)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord commands unchanged; not re-registering")]
    private static partial void LogUnchanged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} Discord commands ({Scope})")]
    private static partial void LogRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering Discord commands failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
