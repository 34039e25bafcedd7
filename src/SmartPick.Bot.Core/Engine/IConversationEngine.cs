using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Engine;

/// <summary>
/// The single conversation engine behind every adapter. Adapters translate platform events into
/// <see cref="InboundMessage"/>, call this, and render the returned replies in order. Calls for the same user
/// are serialized inside the engine; calls for different users run concurrently.
/// </summary>
public interface IConversationEngine
{
    Task<IReadOnlyList<Reply>> HandleAsync(InboundMessage message, CancellationToken cancellationToken);
}
