using System.Security.Cryptography;
using System.Text;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Corrections;

/// <summary>
/// A user's report that a program's data is wrong, for maintainers. <see cref="ProgramId"/> is the catalog id when the
/// user named one (null otherwise; <see cref="Program"/> holds what they typed). The user is kept only as
/// <see cref="UserHash"/> so /forget can delete the report.
/// </summary>
public sealed record CorrectionReport(long Id, string? ProgramId, string Program, string Text, string UserHash, DateTimeOffset CreatedAt);

/// <summary>
/// The pseudonymous user key stored with a report: SHA-256 of "platform:user id", hex. Pseudonymous, not anonymous —
/// platform ids can be enumerated — which is why /forget deletes reports too.
/// </summary>
public static class UserHash
{
    public static string Of(UserKey user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Platform + ":" + user.UserId)));
    }
}
