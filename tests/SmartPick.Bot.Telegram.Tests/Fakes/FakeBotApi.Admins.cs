using System.Globalization;
using System.Text.Json.Nodes;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Tests.Fakes;

public sealed partial class FakeBotApi
{
    private readonly Dictionary<(long Chat, long User), ChatMember> _members = [];

    /// <summary>Makes the user the group's creator or an administrator (as getChatMember will then report).</summary>
    public void MakeAdmin(long groupId, long userId, bool creator = false)
    {
        lock (_gate)
        {
            _members[(groupId, userId)] = creator
                ? new ChatMemberOwner { User = UserOf(userId) }
                : new ChatMemberAdministrator { User = UserOf(userId), CanManageChat = true };
        }
    }

    /// <summary>
    /// An anonymous administrator writes in the group: from GroupAnonymousBot, sender_chat the group itself (or, with
    /// <paramref name="onBehalfOf"/>, another chat such as a channel posting into the group — not an administrator).
    /// </summary>
    public int SendTextAsAnonymousAdmin(long groupId, string text, long? onBehalfOf = null)
    {
        var update = TextUpdate(1087968824, text, groupId, group: true);
        update.Message!.From = new User { Id = 1087968824, IsBot = true, FirstName = "Group", Username = "GroupAnonymousBot" };
        update.Message.SenderChat = onBehalfOf is { } other ? new Chat { Id = other, Type = global::Telegram.Bot.Types.Enums.ChatType.Channel, Title = "Some channel" } : update.Message.Chat;
        return Enqueue(update);
    }

    /// <summary>The getChatMember calls made, as (chat, user).</summary>
    public IReadOnlyList<(long Chat, long User)> ChatMemberLookups =>
        [.. CallsOf("getChatMember").Select(c => (c.ChatId!.Value, long.Parse(c.Parameters["user_id"]!.ToString(), CultureInfo.InvariantCulture)))];

    // Like the Bot API: an unknown chat is 400; a user who is not (or no longer) in the chat has status "left".
    private (int, JsonObject, int?) GetChatMember(JsonObject parameters)
    {
        var chat = long.Parse(parameters["chat_id"]!.ToString(), CultureInfo.InvariantCulture);
        var user = long.Parse(parameters["user_id"]!.ToString(), CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (!_chats.ContainsKey(chat))
            {
                return (400, Error(400, "Bad Request: chat not found"), null);
            }

            ChatMember member = _members.TryGetValue((chat, user), out var m) ? m : new ChatMemberMember { User = UserOf(user) };
            return (200, Ok(ToJson(member)), null);
        }
    }
}
