namespace SmartPick.Bot.Core.Messaging;

/// <summary>Where a message was written: a one-to-one chat with the bot, or a shared server channel/group.</summary>
public enum ChatKind
{
    Direct,
    Group,
}

/// <summary>Identifies one person on one platform; all stored data is keyed by it.</summary>
public sealed record UserKey(string Platform, string UserId)
{
    public override string ToString() => $"{Platform}:{UserId}";
}

/// <summary>
/// A platform-neutral event from a user. Adapters translate platform updates into this; the engine never sees
/// Telegram or Discord types.
/// </summary>
/// <param name="Platform">"console", "telegram", "discord".</param>
/// <param name="ConversationId">The chat/channel the message came from (a group id or a DM id).</param>
/// <param name="UserId">The author, stable per platform.</param>
/// <param name="ChatKind">Direct chat or group/guild channel.</param>
/// <param name="Content">Text, command, button press or form submit.</param>
public sealed record InboundMessage(string Platform, string ConversationId, string UserId, ChatKind ChatKind, InboundContent Content)
{
    public UserKey User => new(Platform, UserId);

    /// <summary>
    /// The platform's id for this delivery (Telegram update id, Discord interaction/message id), when it has one.
    /// A platform may deliver the same event again after a crash; the engine applies each id at most once and answers a
    /// repeat with the replies it gave the first time.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>The Discord guild / Telegram group of a group message (null in direct chats and on the console).</summary>
    public Servers.ServerContext? Server { get; init; }

    /// <summary>
    /// True when replies marked private reach only the author in place, although the message came from a shared channel
    /// (a Discord interaction in a guild: private replies are ephemeral). The engine then keeps a personal dialogue (the intake)
    /// in place instead of moving it to a direct chat. False for Telegram groups, where every reply is public.
    /// </summary>
    public bool PrivateRepliesInPlace { get; init; }

    /// <summary>
    /// A press (or a form opened from one) on a message only its author sees (a Discord ephemeral message, such as a
    /// question of the intake in a server channel): its answer replaces that message and reaches nobody else. A press on a
    /// public message in a channel is false: what it answers may be public.
    /// </summary>
    public bool FromPrivateMessage { get; init; }
}

/// <summary>What the user sent.</summary>
public abstract record InboundContent;

/// <summary>Free text (an intake answer or a guide question).</summary>
public sealed record TextContent(string Text) : InboundContent;

/// <summary>
/// A command. <paramref name="Name"/> is the canonical name without slash (e.g. "explain-score"; adapters map
/// "explain_score" to it). <paramref name="Arguments"/> is the raw text after the name; <paramref name="Options"/>
/// holds typed options where the platform has them (Discord slash options).
/// </summary>
public sealed record CommandContent(string Name, string Arguments, IReadOnlyDictionary<string, string> Options) : InboundContent
{
    public CommandContent(string name, string arguments = "")
        : this(name, arguments, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))
    {
    }

    public string? Option(string name) => Options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}

/// <summary>A press on a <see cref="Choice"/>; <paramref name="Payload"/> is the choice's payload.</summary>
public sealed record ButtonContent(string Payload) : InboundContent;

/// <summary>A submitted form (a Discord modal): field id to value, for the form named <paramref name="FormId"/>.</summary>
public sealed record FormContent(string FormId, IReadOnlyDictionary<string, string> Fields) : InboundContent;
