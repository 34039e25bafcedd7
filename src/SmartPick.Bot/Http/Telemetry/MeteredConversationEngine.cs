using System.Data.Common;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Http.Telemetry;

/// <summary>Counts and times every turn around the real engine; database errors are counted, then rethrown.</summary>
public sealed class MeteredConversationEngine(IConversationEngine inner, BotMetrics metrics, TimeProvider time) : IConversationEngine
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var platform = Platform(message.Platform);
        if (message.Content is CommandContent { Name: "rank" })
        {
            metrics.RankRequested(platform);
        }

        var started = time.GetTimestamp();
        try
        {
            var replies = await inner.HandleAsync(message, cancellationToken);
            metrics.Turn(platform, BotMetrics.KindOf(message.Content), time.GetElapsedTime(started));
            return replies;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.TurnFailed(platform);
            if (ex is DbException)
            {
                metrics.StorageError("turn");
            }

            throw;
        }
    }

    // Tag values stay a closed set whatever an adapter passes.
    private static string Platform(string platform) => platform is "telegram" or "discord" or "console" ? platform : "other";
}
