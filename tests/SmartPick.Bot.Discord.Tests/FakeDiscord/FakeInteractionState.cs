namespace SmartPick.Bot.Discord.Tests.FakeDiscord;

/// <summary>Per-interaction acknowledgement state, like Discord's: one ack within 3 s, then 15 min of token life.</summary>
public sealed class FakeInteractionState(string id, string token, DateTimeOffset receivedAt)
{
    public string Id { get; } = id;

    public string Token { get; } = token;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public int? AckType { get; set; }

    public DateTimeOffset? AckedAt { get; set; }

    public bool HasOriginal { get; set; }

    public int Edits { get; set; }

    public int Followups { get; set; }
}
