namespace SmartPick.Bot.Core.State;

/// <summary>
/// Durable inbox for platform deliveries that are acknowledged before they are handled (Telegram webhooks): an item is
/// stored before the platform gets its 200, and any instance's worker handles it later. Workers claim only the oldest
/// open item of a chat, so one chat is handled in id order and by one worker at a time; a claim expires, so the items
/// of a worker that died are redone by another.
/// </summary>
public interface IUpdateInbox
{
    /// <summary>Stores an item; false when (<paramref name="source"/>, <paramref name="id"/>) is already stored (a redelivery).</summary>
    Task<bool> AddAsync(string source, long id, string chat, string payload, CancellationToken cancellationToken);

    /// <summary>
    /// Claims for <paramref name="lease"/> the lowest-id open item among chats whose oldest open item is not claimed (or its
    /// claim expired); null when there is none.
    /// </summary>
    Task<InboxItem?> ClaimAsync(string source, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends a claim still held by <paramref name="owner"/>; false when it was lost (expired and claimed again).</summary>
    Task<bool> RenewAsync(string source, long id, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the item done (its chat's next item becomes claimable); false when <paramref name="owner"/> no longer held it.</summary>
    Task<bool> CompleteAsync(string source, long id, string owner, CancellationToken cancellationToken);

    /// <summary>Deletes done items finished before <paramref name="before"/> (kept until then to recognize redeliveries); returns how many.</summary>
    Task<int> PurgeAsync(string source, DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>A claimed inbox item; <see cref="Attempts"/> counts claims (more than 1: an earlier worker did not finish it).</summary>
public sealed record InboxItem(long Id, string Chat, string Payload, int Attempts);
