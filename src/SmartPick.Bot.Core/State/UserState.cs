using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.State;

/// <summary>A user's profile (possibly incomplete) and where they are in the dialogue.</summary>
public sealed record UserState(ApplicantProfile Profile, ConversationState Conversation)
{
    /// <summary>The stored row version this state was loaded from (0: nothing stored); see <see cref="IUserStore.TrySaveAsync"/>.</summary>
    public long Version { get; init; }

    public static UserState New { get; } = new(new ApplicantProfile(), ConversationState.Idle);
}

/// <summary>
/// Dialogue position. <see cref="IntakeStep"/> is the id of the question awaiting an answer (null when not in
/// intake); <see cref="History"/> holds the ids of the questions already asked, so "back" works after a restart.
/// <see cref="Pending"/> marks a mode of the dialogue (paused intake, single-field edit); <see cref="Proposal"/> holds a
/// profile (JSON) read from free text that waits for the user's confirmation before it is saved.
/// </summary>
public sealed record ConversationState(string? IntakeStep, IReadOnlyList<string> History, string? Pending = null, string? Proposal = null)
{
    /// <summary>Ids of the last messages applied (newest last), so a redelivered message is not applied twice.</summary>
    public IReadOnlyList<string> RecentMessageIds { get; init; } = [];

    /// <summary>The replies to the newest of <see cref="RecentMessageIds"/> (JSON, images left out), sent again on a redelivery.</summary>
    public string? LastReplies { get; init; }

    /// <summary>
    /// The choices offered in recent turns (newest last; an entry without choices marks a turn that offered none).
    /// See <see cref="Engine.PendingChoices"/>.
    /// </summary>
    public IReadOnlyList<OfferedChoices> Offers { get; init; } = [];

    public static ConversationState Idle { get; } = new(null, []);

    /// <summary>Marks an intake the user paused: the position is kept, free text goes to the guide meanwhile.</summary>
    public const string Paused = "paused";

    public bool InIntake => IntakeStep is not null && Pending != Paused;
}
