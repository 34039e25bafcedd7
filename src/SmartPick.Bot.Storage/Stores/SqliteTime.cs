using System.Globalization;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>
/// Timestamps as fixed-width UTC ISO 8601 text ("2026-12-04T18:00:00.0000000+00:00"), so SQL string comparison
/// orders them correctly (the format the user store already writes).
/// </summary>
internal static class SqliteTime
{
    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
