using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>Conversations in the user's DM channel: plain messages.</summary>
public sealed class DirectConversation(DiscordRestClient rest, IConversationEngine engine, FormCache forms)
{
    /// <summary>Runs the engine for a DM message and posts the replies to the channel.</summary>
    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var replies = await engine.HandleAsync(message, cancellationToken);
        await SendAsync(message.ConversationId, message.UserId, replies, cancellationToken);
    }

    public async Task SendAsync(string channelId, string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        foreach (var reply in replies)
        {
            if (reply.Form is { } form)
            {
                await forms.RememberAsync(userId, form, cancellationToken);
            }

            foreach (var rendered in ReplyRenderer.Render(reply, ephemeral: false))
            {
                await rest.CreateMessageAsync(channelId, rendered.Body, rendered.File, cancellationToken);
            }
        }
    }
}
