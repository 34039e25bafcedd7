namespace SmartPick.Bot.Core.Servers.Feedback;

/// <summary>One 👍/👎 on a guide answer: the sections it cited (best first), the vote, platform and time — never a user id.</summary>
public sealed record FeedbackVote(string Platform, IReadOnlyList<string> Sections, bool Helpful, DateTimeOffset At);

/// <summary>A question a user chose to share ("Share my question", then yes): masked text, cited sections, platform, time — never a user id.</summary>
public sealed record SharedQuestion(string Platform, string Text, IReadOnlyList<string> Sections, DateTimeOffset At);

/// <summary>
/// Answer feedback. Votes carry no user id; to refuse a second vote on the same answer, a keyed hash of (user, answer)
/// is kept until <c>keepKeyUntil</c> (24 hours) and then deleted, after which nothing links a vote to anyone.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Stores the vote unless <paramref name="voterHash"/> voted already (and has not expired); false then.</summary>
    Task<bool> TryAddAsync(string voterHash, FeedbackVote vote, DateTimeOffset keepKeyUntil, CancellationToken cancellationToken);

    /// <summary>Deletes voter hashes whose 24 hours are over (also done on every vote); returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every vote at or after <paramref name="since"/> (all when null), oldest first.</summary>
    Task<IReadOnlyList<FeedbackVote>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Stores a shared question (already masked by <see cref="QuestionMask"/>).</summary>
    Task AddSharedAsync(SharedQuestion question, CancellationToken cancellationToken);

    /// <summary>Every shared question at or after <paramref name="since"/> (all when null), oldest first.</summary>
    Task<IReadOnlyList<SharedQuestion>> ListSharedAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}
