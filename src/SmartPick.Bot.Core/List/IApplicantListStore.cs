using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.List;

/// <summary>
/// One saved program. Keyed by (<see cref="ProgramId"/>, <see cref="Track"/>): a Preliminary track shares its
/// Internal Medicine program's ACGME id, so the id alone is not unique.
/// </summary>
/// <param name="ProgramId">ACGME program id.</param>
/// <param name="Track">Specialty or track as named in the catalog, e.g. "Internal Medicine".</param>
/// <param name="AddedAt">When the user saved it.</param>
public sealed record ListEntry(string ProgramId, string Track, DateTimeOffset AddedAt);

/// <summary>
/// Port for the applicant's own list of programs. Part of the user's data: <see cref="State.IUserStore.ForgetAsync"/>
/// deletes it with everything else, so every implementation must keep it in the same database.
/// </summary>
public interface IApplicantListStore
{
    /// <summary>The user's entries, oldest first.</summary>
    Task<IReadOnlyList<ListEntry>> GetAsync(UserKey user, CancellationToken cancellationToken);

    /// <summary>Adds the entry; false when (program, track) is already on the list.</summary>
    Task<bool> AddAsync(UserKey user, ListEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes (program, track); false when it was not on the list.</summary>
    Task<bool> RemoveAsync(UserKey user, string programId, string track, CancellationToken cancellationToken);

    /// <summary>Removes every entry; returns how many there were.</summary>
    Task<int> ClearAsync(UserKey user, CancellationToken cancellationToken);
}
