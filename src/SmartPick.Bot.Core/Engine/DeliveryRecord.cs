using System.Text.Json;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Core.Engine;

/// <summary>
/// Remembers which platform messages a user's state already reflects, so a redelivery (after a crash between
/// "state saved" and "update acknowledged") is answered again but never applied twice.
/// </summary>
internal static class DeliveryRecord
{
    private const int Remembered = 8;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool IsRepeat(InboundMessage message, ConversationState conversation) =>
        message.MessageId is { } id && conversation.RecentMessageIds.Contains(id);

    /// <summary>The replies first given to a repeated message (images are not kept), or none for an older repeat.</summary>
    public static IReadOnlyList<Reply> RepliesFor(InboundMessage message, ConversationState conversation) =>
        conversation.LastReplies is { } json && conversation.RecentMessageIds.Count > 0 && conversation.RecentMessageIds[^1] == message.MessageId
            ? JsonSerializer.Deserialize<List<Reply>>(json, Json) ?? []
            : [];

    /// <param name="conversation">The conversation state the turn leaves (intake steps build it afresh).</param>
    /// <param name="applied">The ids recorded before this turn, from the state as loaded.</param>
    public static ConversationState Record(ConversationState conversation, IReadOnlyList<string> applied, string messageId, IReadOnlyList<Reply> replies) =>
        conversation with
        {
            RecentMessageIds = [.. applied.TakeLast(Remembered - 1), messageId],
            LastReplies = JsonSerializer.Serialize(replies.Select(r => r with { Image = null }), Json),
        };
}
