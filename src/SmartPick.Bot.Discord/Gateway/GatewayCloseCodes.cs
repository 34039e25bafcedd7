namespace SmartPick.Bot.Discord.Gateway;

/// <summary>What to do after a connection ends.</summary>
public enum GatewayRecovery
{
    Resume,
    NewSession,
    Stop,
}

/// <summary>Maps gateway close codes to the recovery in the protocol notes (§2.4).</summary>
public static class GatewayCloseCodes
{
    public const int AuthenticationFailed = 4004;

    public static GatewayRecovery Classify(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayRecovery.Stop,
        4003 or 4007 or 4009 => GatewayRecovery.NewSession,
        _ => GatewayRecovery.Resume,
    };

    public static string Describe(int? code) => code switch
    {
        null => "connection dropped",
        4000 => "unknown error",
        4001 => "unknown opcode (client bug)",
        4002 => "decode error (client bug)",
        4003 => "not authenticated",
        4004 => "authentication failed: the bot token is invalid (check SmartPick:Discord:Token)",
        4005 => "already authenticated",
        4007 => "invalid sequence",
        4008 => "rate limited",
        4009 => "session timed out",
        4010 => "invalid shard (check SmartPick:Discord:ShardId/ShardCount)",
        4011 => "sharding required (raise SmartPick:Discord:ShardCount)",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable them in the Developer Portal or remove them",
        _ => "close code " + code,
    };
}

/// <summary>Thrown when the gateway ends with a code that must not be retried (4004, 4010–4014) or the identify budget is spent.</summary>
public sealed class GatewayFatalException(int? closeCode, string reason) : Exception(reason)
{
    public int? CloseCode { get; } = closeCode;
}
