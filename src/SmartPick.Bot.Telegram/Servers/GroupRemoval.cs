using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Telegram.Inbound;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SmartPick.Bot.Telegram.Servers;

/// <summary>my_chat_member: when the bot left or was removed from a group, that group's server settings are deleted.</summary>
public sealed partial class GroupRemoval(BotIdentity bot, IEnumerable<IServerSettingsStore> stores, ILogger<GroupRemoval> logger)
{
    public async Task HandleAsync(ChatMemberUpdated update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var removed = update.NewChatMember.Status is ChatMemberStatus.Left or ChatMemberStatus.Kicked;
        var isGroup = update.Chat.Type is ChatType.Group or ChatType.Supergroup;
        if (!removed || !isGroup || (bot.IsKnown && update.NewChatMember.User.Id != bot.Id))
        {
            return;
        }

        var group = update.Chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var store in stores)
        {
            if (await store.DeleteAsync(new ServerKey(UpdateTranslator.Platform, group), cancellationToken).ConfigureAwait(false))
            {
                LogSettingsDeleted(logger, update.Chat.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed from Telegram group {ChatId}: its server settings were deleted")]
    private static partial void LogSettingsDeleted(ILogger logger, long chatId);
}
