using System.Globalization;

namespace SmartPick.Bot.Telegram.Receiving;

/// <summary>
/// The persisted form of <see cref="UpdateLedger"/>: <c>offset=500120;done=500122,500125;bot=123456;saved=1795694110</c>.
/// The bot id and save time let a stale or foreign record be ignored: Telegram keeps unconfirmed updates for 24 h,
/// and after a week without updates it restarts ids at a random value, which an old offset could silently skip.
/// </summary>
internal sealed record LedgerRecord(int Offset, IReadOnlyList<int> Done, long BotId, DateTimeOffset SavedAt)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    public bool IsUsableFor(long botId, DateTimeOffset now) => BotId == botId && now - SavedAt <= MaxAge && SavedAt <= now + TimeSpan.FromMinutes(5);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"offset={Offset};done={string.Join(',', Done)};bot={BotId};saved={SavedAt.ToUnixTimeSeconds()}");

    public static LedgerRecord? Parse(string? value)
    {
        var fields = (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        if (!Int(fields, "offset", out var offset) || !Long(fields, "bot", out var bot) || !Long(fields, "saved", out var saved))
        {
            return null;
        }

        var done = fields.GetValueOrDefault("done", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => int.TryParse(d, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>()
            .ToList();
        return new LedgerRecord(offset, done, bot, DateTimeOffset.FromUnixTimeSeconds(saved));
    }

    private static bool Int(Dictionary<string, string> fields, string key, out int value)
    {
        value = 0;
        return fields.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static bool Long(Dictionary<string, string> fields, string key, out long value)
    {
        value = 0;
        return fields.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
