namespace SmartPick.Bot.Core.Corrections;

/// <summary>
/// Port for correction reports (/report). Keep them in the user database: <see cref="State.IUserStore.ForgetAsync"/>
/// deletes a user's reports by <see cref="UserHash"/> with everything else.
/// </summary>
public interface ICorrectionStore
{
    /// <summary>Stores the report (its <see cref="CorrectionReport.Id"/> is assigned) and returns it with the id.</summary>
    Task<CorrectionReport> AddAsync(CorrectionReport report, CancellationToken cancellationToken);

    /// <summary>How many reports this user has stored (a cap keeps one user from flooding the queue).</summary>
    Task<int> CountAsync(string userHash, CancellationToken cancellationToken);

    /// <summary>Every report, oldest first, optionally only those created at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<CorrectionReport>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}
