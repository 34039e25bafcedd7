using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Discord.Interactions;

namespace SmartPick.Bot.Discord.Servers;

/// <summary>
/// Who sees a reply in a guild channel beyond what the engine decided: /settings answers only the admin (ephemeral);
/// /ask answers are public unless the server's admins chose ephemeral.
/// </summary>
public sealed class GuildVisibility(IServerSettingsStore? store = null)
{
    public async Task<IReadOnlyList<Reply>> ApplyAsync(Interaction interaction, InboundMessage message, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Server is not { } server || message.Content is not CommandContent command)
        {
            return replies;
        }

        var privately = command.Name switch
        {
            ServerSettingsCommand.Name => true,
            "ask" => store is not null && await store.GetAsync(server.Key, cancellationToken) is { PublicAsk: false },
            _ => false,
        };
        return privately ? [.. replies.Select(r => r with { Visibility = Visibility.Private })] : replies;
    }
}
