using System.Globalization;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Core.Servers.Announcements;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Rendering;
using SmartPick.Bot.Telegram.Sending;
using Telegram.Bot.Exceptions;

namespace SmartPick.Bot.Telegram.Servers;

/// <summary>
/// Announcements into a group through <see cref="TelegramSender"/> (per-group and global send limits, 429 handling).
/// 403 (the bot was removed or may not write) and 400 "chat not found" are reported as <see cref="ServerSendStatus.Gone"/> with the reason.
/// </summary>
public sealed class TelegramServerMessenger(TelegramSender sender, ServerSendBudget? budget = null) : IServerMessenger
{
    public string Platform => UpdateTranslator.Platform;

    public async Task<ServerSendResult> SendAsync(ServerKey server, string? channelId, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (!long.TryParse(server.ServerId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chatId))
        {
            return new ServerSendResult(ServerSendStatus.Gone, "this group's id is not one Telegram knows.");
        }

        try
        {
            foreach (var message in ReplyRenderer.Render([reply], chatId, ChatKind.Group, botUsername: string.Empty))
            {
                if (budget is not null)
                {
                    await budget.WaitAsync(server, cancellationToken).ConfigureAwait(false);
                }

                await sender.SendAsync(message, isGroup: true, cancellationToken).ConfigureAwait(false);
            }

            return ServerSendResult.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            return new ServerSendResult(ServerSendStatus.Gone, "Telegram refused my post (error 403: I was removed from the group or may not send messages). Let me post again, then switch announcements on.");
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase))
        {
            return new ServerSendResult(ServerSendStatus.Gone, "Telegram no longer knows this group (error 400: chat not found).");
        }
        catch (Exception e) when (TelegramSender.IsTransient(e, cancellationToken) || e is ApiRequestException)
        {
            return ServerSendResult.Failed;
        }
    }
}
