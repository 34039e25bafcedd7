using Microsoft.Extensions.Logging;

namespace SmartPick.Bot.Discord.Gateway;

/// <summary>Log lines of <see cref="GatewayConnection"/> (never payloads or tokens).</summary>
internal sealed partial class GatewayConnection
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway closed: {Code} ({Reason}); next: {Recovery}")]
    private static partial void LogClosed(ILogger logger, int? code, string reason, GatewayRecovery recovery);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway sent a payload the client cannot use (op {Op}: {Field}); dropping the connection to resume")]
    private static partial void LogProtocolFault(ILogger logger, int? op, string field);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: resuming at sequence {Sequence}")]
    private static partial void LogResuming(ILogger logger, int? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: identifying as shard [{ShardId}, {ShardCount}]")]
    private static partial void LogIdentifying(ILogger logger, int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway asked us to reconnect (op 7)")]
    private static partial void LogReconnectRequested(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: invalid session (resumable: {Resumable})")]
    private static partial void LogInvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway resumed at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, int? sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway sent no Hello in time; reconnecting")]
    private static partial void LogNoHello(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK (zombie connection); reconnecting to resume")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway heartbeat failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord gateway close failed")]
    private static partial void LogCloseFailed(ILogger logger, Exception ex);
}
