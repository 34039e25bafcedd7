using System.Collections.Concurrent;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Telegram.Tests.Support;

/// <summary>A scriptable engine for adapter tests: records what it saw and answers through <see cref="Respond"/>.</summary>
internal sealed class FakeEngine : IConversationEngine
{
    public ConcurrentQueue<InboundMessage> Received { get; } = new();

    public Func<InboundMessage, CancellationToken, Task<IReadOnlyList<Reply>>> Respond { get; set; } = EchoAsync;

    public Task<IReadOnlyList<Reply>> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        Received.Enqueue(message);
        return Respond(message, cancellationToken);
    }

    /// <summary>Echoes text (escaped) and command names, so tests can match replies to messages.</summary>
    public static Task<IReadOnlyList<Reply>> EchoAsync(InboundMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Reply>>([new Reply("echo: " + Markup.Escape(Describe(message.Content)))]);

    public static string Describe(InboundContent content) => content switch
    {
        TextContent t => t.Text,
        CommandContent c => $"/{c.Name} {c.Arguments}".TrimEnd(),
        ButtonContent b => "button " + b.Payload,
        _ => content.GetType().Name,
    };
}
