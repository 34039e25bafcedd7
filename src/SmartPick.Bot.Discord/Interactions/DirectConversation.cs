using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Rest;

namespace SmartPick.Bot.Discord.Interactions;

/// <summary>Conversations in the user's DM channel: plain messages, and intake continued from a guild.</summary>
public sealed partial class DirectConversation(
    DiscordRestClient rest, IConversationEngine engine, FormCache forms, ILogger<DirectConversation> logger)
{
    /// <summary>Opens (or reuses) the DM channel and runs <paramref name="payload"/> there as a command.</summary>
    public async Task<bool> ContinueAsync(string userId, string payload, CancellationToken cancellationToken)
    {
        try
        {
            var channel = await rest.CreateDmChannelAsync(userId, cancellationToken);
            var parts = payload.Split(' ', 2, StringSplitOptions.TrimEntries);
            var content = new CommandContent(parts[0], parts.Length > 1 ? parts[1] : string.Empty);
            await HandleAsync(new InboundMessage(InteractionMapper.Platform, channel.Id, userId, ChatKind.Direct, content), cancellationToken);
            return true;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordRestException.CannotMessageUser)
        {
            LogDmClosed(logger);
            return false;
        }
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord user has DMs closed (50007); cannot continue in DM")]
    private static partial void LogDmClosed(ILogger logger);
}
