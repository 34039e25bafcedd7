using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Core.Servers.Announcements;
using SmartPick.Bot.Discord.Interactions;
using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Servers;

/// <summary>
/// Announcements into a guild's chosen channel through <see cref="DiscordRestClient"/> (route buckets, the global
/// limit and 429 handling apply). Missing Permissions (50013), Missing Access (50001) or Unknown Channel (10003) mean
/// the channel is closed to the bot or gone: reported as <see cref="ServerSendStatus.Gone"/> with the reason for the admins.
/// </summary>
public sealed class DiscordServerMessenger(DiscordRestClient rest, ServerSendBudget? budget = null) : IServerMessenger
{
    public const int MissingAccess = 50001;
    public const int MissingPermissions = 50013;
    public const int UnknownChannel = 10003;

    public string Platform => InteractionMapper.Platform;

    public async Task<ServerSendResult> SendAsync(ServerKey server, string? channelId, Reply reply, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channelId))
        {
            return new ServerSendResult(ServerSendStatus.Gone, "no announcements channel is set. Choose one with /settings announcements:on channel:#channel.");
        }

        try
        {
            foreach (var rendered in ReplyRenderer.Render(reply, ephemeral: false))
            {
                if (budget is not null)
                {
                    await budget.WaitAsync(server, cancellationToken);
                }

                await rest.CreateMessageAsync(channelId, rendered.Body, rendered.File, cancellationToken);
            }

            return ServerSendResult.Sent;
        }
        catch (DiscordRestException ex) when (ex.Code is MissingPermissions or MissingAccess)
        {
            return new ServerSendResult(ServerSendStatus.Gone, $"I may not post in the announcements channel (Discord error {ex.Code}). Give me View Channel and Send Messages there, then switch announcements on again.");
        }
        catch (DiscordRestException ex) when (ex.Code == UnknownChannel)
        {
            return new ServerSendResult(ServerSendStatus.Gone, "the announcements channel no longer exists (Discord error 10003). Choose another with /settings and switch announcements on again.");
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ServerSendResult.Failed;
        }
    }
}
