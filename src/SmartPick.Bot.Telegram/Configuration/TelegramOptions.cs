using System.ComponentModel.DataAnnotations;

namespace SmartPick.Bot.Telegram.Configuration;

/// <summary>How updates reach the bot.</summary>
public enum TelegramMode
{
    Polling,
    Webhook,
}

/// <summary>
/// Telegram adapter settings (section <see cref="SectionName"/>). The adapter is enabled only when
/// <see cref="Token"/> is set, normally through the <c>SmartPick__Telegram__Token</c> environment variable.
/// </summary>
public sealed class TelegramOptions
{
    public const string SectionName = "SmartPick:Telegram";

    /// <summary>Bot token from @BotFather ("123456:ABC..."). A secret: never logged.</summary>
    [Required]
    public string Token { get; set; } = string.Empty;

    /// <summary>Bot API server, scheme://host[:port] only (a self-hosted Bot API server or a test fake).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Long-poll timeout passed to getUpdates.</summary>
    [Range(0, 50)]
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>getUpdates batch size (Telegram allows 1-100).</summary>
    [Range(1, 100)]
    public int PollLimit { get; set; } = 100;

    /// <summary>Minimum spacing between messages to one private chat (Telegram: about 1 message/s).</summary>
    [Range(0, 60_000)]
    public int PerChatIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Minimum spacing between messages to one group (Telegram: at most 20 messages/min).</summary>
    [Range(0, 60_000)]
    public int PerGroupIntervalMilliseconds { get; set; } = 3000;

    /// <summary>Global send rate (Telegram: about 30 messages/s); 0 disables the global limiter.</summary>
    [Range(0, 10_000)]
    public int GlobalMessagesPerSecond { get; set; } = 25;

    /// <summary>Upper bound for one engine call; a stuck handler is cancelled so its chat moves on.</summary>
    [Range(1, 3600)]
    public int HandlerTimeoutSeconds { get; set; } = 120;

    /// <summary>Attempts for a send that fails with 429 or a transient network error.</summary>
    [Range(1, 20)]
    public int SendAttempts { get; set; } = 5;

    public TelegramWebhookOptions Webhook { get; set; } = new();
}

/// <summary>
/// Webhook mode: Telegram POSTs updates to <see cref="Url"/>; the host's HTTP front door (<c>SmartPick:Http:Urls</c>)
/// serves them on the same path.
/// </summary>
public sealed class TelegramWebhookOptions
{
    /// <summary>Public HTTPS URL registered with setWebhook, e.g. https://bot.example.org/telegram/update.</summary>
    public string? Url { get; set; }

    /// <summary>Checked against X-Telegram-Bot-Api-Secret-Token: 1-256 of A-Z, a-z, 0-9, _ and - (a secret).</summary>
    public string? SecretToken { get; set; }

    /// <summary>Updates one instance handles at once (different chats; one chat is always one at a time).</summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 16;

    /// <summary>How long a claimed update stays with its worker without a renewal: after a crash, its chat waits this long before another instance redoes it.</summary>
    [Range(1, 600)]
    public int ClaimSeconds { get; set; } = 30;
}
