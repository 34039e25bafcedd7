using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Tests.Fakes;

public sealed partial class FakeBotApi
{
    /// <summary>
    /// An administrator removes the bot from a group (kicked) or the bot leaves it: Telegram sends my_chat_member
    /// with the bot as new_chat_member, status "kicked" or "left".
    /// </summary>
    public int RemoveBotFromGroup(long groupId, long byUserId, bool kicked = true) => Enqueue(new Update
    {
        MyChatMember = new ChatMemberUpdated
        {
            Chat = GetOrAddChat(groupId, group: true),
            From = UserOf(byUserId),
            Date = Now(),
            OldChatMember = new ChatMemberMember { User = Me() },
            NewChatMember = kicked ? new ChatMemberBanned { User = Me() } : new ChatMemberLeft { User = Me() },
        },
    });

    private HashSet<string>? _allowedUpdates;

    /// <summary>
    /// As Telegram does: allowed_updates, when given, replaces the remembered list, and updates of other types are not
    /// delivered (dropped). Without a list every type used here is delivered. Called under the gate.
    /// </summary>
    private void DropNotAllowed(System.Text.Json.Nodes.JsonObject parameters)
    {
        if (parameters["allowed_updates"] is System.Text.Json.Nodes.JsonArray allowed)
        {
            _allowedUpdates = [.. allowed.Select(a => a!.GetValue<string>())];
        }

        if (_allowedUpdates is { Count: > 0 } types)
        {
            _queue.RemoveAll(u => !types.Contains(SnakeCase(u.Type.ToString())));
        }
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
