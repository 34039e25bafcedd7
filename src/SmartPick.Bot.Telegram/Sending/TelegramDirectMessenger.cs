using System.Globalization;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Telegram.Inbound;
using SmartPick.Bot.Telegram.Rendering;
using Telegram.Bot.Exceptions;

namespace SmartPick.Bot.Telegram.Sending;

/// <summary>
/// Reminders and warnings into a user's private chat (a Telegram user id is their private chat id), through
/// <see cref="TelegramSender"/> so the per-chat and global send limits and 429 handling apply.
/// </summary>
public sealed class TelegramDirectMessenger(TelegramSender sender) : IDirectMessenger
{
    public string Platform => UpdateTranslator.Platform;

    public async Task<DirectSendResult> SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        if (!long.TryParse(userId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chatId))
        {
            return DirectSendResult.Unreachable;
        }

        try
        {
            foreach (var message in ReplyRenderer.Render(replies, chatId, ChatKind.Direct, botUsername: string.Empty))
            {
                await sender.SendAsync(message, isGroup: false, cancellationToken).ConfigureAwait(false);
            }

            return DirectSendResult.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            return DirectSendResult.Unreachable; // bot blocked, chat not found, user deactivated
        }
        catch (Exception e) when (TelegramSender.IsTransient(e, cancellationToken) || e is ApiRequestException)
        {
            return DirectSendResult.Failed;
        }
    }
}
