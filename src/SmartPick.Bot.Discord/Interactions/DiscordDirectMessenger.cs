using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>
/// Reminders and warnings into a user's DM channel, through <see cref="DiscordRestClient"/> so route buckets, the
/// global limit and 429 handling apply.
/// </summary>
public sealed class DiscordDirectMessenger(DiscordRestClient rest) : IDirectMessenger
{
    public string Platform => InteractionMapper.Platform;

    public async Task<DirectSendResult> SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        try
        {
            var channel = await rest.CreateDmChannelAsync(userId, cancellationToken);
            foreach (var rendered in replies.SelectMany(r => ReplyRenderer.Render(r, ephemeral: false)))
            {
                await rest.CreateMessageAsync(channel.Id, rendered.Body, rendered.File, cancellationToken);
            }

            return DirectSendResult.Sent;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordRestException.CannotMessageUser || ex.Code == 10013)
        {
            return DirectSendResult.Unreachable; // DMs closed, or unknown user
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DirectSendResult.Failed;
        }
    }
}
