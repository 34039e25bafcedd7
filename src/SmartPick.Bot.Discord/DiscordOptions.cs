using System.ComponentModel.DataAnnotations;

namespace SmartPick.Bot.Discord;

/// <summary>Settings of the Discord adapter (section <c>SmartPick:Discord</c>). The adapter is enabled when a token is set.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "SmartPick:Discord";

    /// <summary>Bot token from the Developer Portal (Bot page). Secret: set it through an environment variable.</summary>
    [Required(ErrorMessage = "SmartPick:Discord:Token is required (Developer Portal → Bot → Reset Token).")]
    public string Token { get; set; } = string.Empty;

    /// <summary>Optional; otherwise taken from READY (or GET /applications/@me).</summary>
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "SmartPick:Discord:ApplicationId must be a numeric snowflake.")]
    public string? ApplicationId { get; set; }

    [Required(ErrorMessage = "SmartPick:Discord:ApiBaseUrl is required.")]
    [Url(ErrorMessage = "SmartPick:Discord:ApiBaseUrl must be an absolute URL.")]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Overrides the URL returned by GET /gateway/bot (tests, proxies).</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>When set, commands are registered to this guild only (instant updates while developing).</summary>
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "SmartPick:Discord:GuildId must be a numeric snowflake.")]
    public string? GuildId { get; set; }

    [Range(0, 1023, ErrorMessage = "SmartPick:Discord:ShardId must be between 0 and ShardCount - 1.")]
    public int ShardId { get; set; }

    [Range(1, 1024, ErrorMessage = "SmartPick:Discord:ShardCount must be at least 1.")]
    public int ShardCount { get; set; } = 1;

    /// <summary>Register slash commands (bulk overwrite, skipped when unchanged) after READY.</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>Answer an interaction directly when the engine is faster than this; otherwise defer (the deadline is 3 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.500", ErrorMessage = "SmartPick:Discord:DeferAfter must be at most 2.5 s.")]
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// In a burst — more interactions than this being answered at once in this process — new ones are deferred on
    /// arrival, so their acknowledgement cannot be starved past the 3 s deadline; 0 switches it off.
    /// </summary>
    [Range(0, 100_000, ErrorMessage = "SmartPick:Discord:DeferAtOnceAbove must be between 0 and 100000.")]
    public int DeferAtOnceAbove { get; set; } = 64;

    /// <summary>
    /// The application's public key (hex, Developer Portal → General Information). Set it to accept interactions over
    /// HTTP with <see cref="HttpInteractions.DiscordInteractionEndpoint"/> (Ed25519-verified).
    /// </summary>
    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "SmartPick:Discord:PublicKey must be 64 hex characters (32 bytes).")]
    public string? PublicKey { get; set; }

    /// <summary>Fresh IDENTIFYs allowed per UTC day by this process (Discord allows 1000 and resets the token beyond).</summary>
    [Range(1, 1000, ErrorMessage = "SmartPick:Discord:MaxIdentifiesPerDay must be between 1 and 1000.")]
    public int MaxIdentifiesPerDay { get; set; } = 200;
}
