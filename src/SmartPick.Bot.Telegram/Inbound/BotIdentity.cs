namespace SmartPick.Bot.Telegram.Inbound;

/// <summary>The bot's own id and username, learned from getMe at start (needed for @mentions and deep links).</summary>
public sealed class BotIdentity
{
    private volatile Snapshot? _snapshot;

    public long Id => Current.Id;

    public string Username => Current.Username;

    public bool IsKnown => _snapshot is not null;

    private Snapshot Current => _snapshot ?? throw new InvalidOperationException("The bot identity is not known before getMe succeeded.");

    public void Set(long id, string username) => _snapshot = new Snapshot(id, username);

    private sealed record Snapshot(long Id, string Username);
}
