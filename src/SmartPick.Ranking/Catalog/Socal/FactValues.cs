using System.Globalization;

namespace SmartPick.Ranking.Catalog.Socal;

/// <summary>The value vocabulary of facts.csv (socal README) and its parsing; free-text facts accept any value.</summary>
public static class FactValues
{
    public const string TransferOnly = "transfer_only";

    /// <summary>Why <paramref name="value"/> is not a valid value of <paramref name="fact"/>, or null when it is.</summary>
    public static string? Problem(string fact, string value) => fact switch
    {
        "visa_j1" => value is "true" or "false" ? null : "visa_j1 is true or false",
        "visa_h1b" => value is "true" or "false" or TransferOnly ? null : $"visa_h1b is true, false or {TransferOnly}",
        "citizens_or_pr_only" or "military_program" => value == "true" ? null : $"{fact} is written only when true",
        "usce_required" or "work_authorization_required" or "imgs_considered" => value is "true" or "false" ? null : $"{fact} is true or false",
        "graduation_year_limit" => Whole(value, 0, 50) is null ? "graduation_year_limit is a whole number of years (0-50)" : null,
        "step2_min" => value == "none" || Whole(value, 1, 300) is not null ? null : "step2_min is a score (1-300) or none",
        "step2_recommended" => Whole(value, 1, 300) is null ? "step2_recommended is a score (1-300)" : null,
        "positions_per_year" => Positions(value) is null ? "positions_per_year is a whole number or a range N-M" : null,
        "interviews_offered" => Whole(value, 0, 10_000) is null ? "interviews_offered is a whole number" : null,
        "attempts_policy" => MaxFailures(value) is null ? "attempts_policy is step1_max_failures=N;step2ck_max_failures=M or max_failures_total=N" : null,
        _ => null,
    };

    public static int? Whole(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;

    /// <summary>Positions per year; a range gives its lower bound (never more than the page states).</summary>
    public static int? Positions(string value)
    {
        var parts = value.Split('-');
        return parts.Length switch
        {
            1 => Whole(parts[0], 0, 500),
            2 when Whole(parts[0], 0, 500) is { } lo && Whole(parts[1], lo, 500) is not null => lo,
            _ => null,
        };
    }

    /// <summary>
    /// Failures allowed in total by an attempts policy. A per-exam policy becomes the sum of its per-exam limits: the
    /// profile counts failures in total, so the rule never excludes someone the page would accept.
    /// </summary>
    public static int? MaxFailures(string value)
    {
        var total = 0;
        var parts = value.Split(' ', 2)[0].Split(';', StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var kv = part.Split('=');
            if (kv.Length != 2 || kv[0] is not ("step1_max_failures" or "step2ck_max_failures" or "max_failures_total") || Whole(kv[1], 0, 10) is not { } n)
            {
                return null;
            }

            total += n;
        }

        return parts.Length == 0 ? null : total;
    }
}
