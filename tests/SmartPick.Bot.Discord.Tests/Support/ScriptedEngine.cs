using System.Collections.Concurrent;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Discord.Tests.Support;

/// <summary>A conversation engine whose answer the test decides; records every inbound message.</summary>
public sealed class ScriptedEngine : IConversationEngine
{
    public ConcurrentQueue<InboundMessage> Received { get; } = new();

    public Func<InboundMessage, Task<IReadOnlyList<Reply>>> Answer { get; set; } =
        _ => Task.FromResult<IReadOnlyList<Reply>>([new Reply("ok")]);

    public async Task<IReadOnlyList<Reply>> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        Received.Enqueue(message);
        return await Answer(message);
    }
}
