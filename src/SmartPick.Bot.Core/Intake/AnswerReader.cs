using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartPick.Bot.Core.Intake;

/// <summary>Lenient readers for free-text answers ("Step 2: 238", " 212 ", "j1", "yes", "2 years").</summary>
public static partial class AnswerReader
{
    /// <summary>The last whole number in the text, ignoring numbers glued to "step" (so "Step 2: 238" reads 238).</summary>
    public static int? LastNumber(string text)
    {
        int? last = null;
        foreach (Match m in NumberPattern().Matches(text))
        {
            if (m.Groups["step"].Success)
            {
                continue;
            }

            if (int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                last = n;
            }
            else
            {
                return int.MaxValue; // absurdly long digit runs read as "out of range", not "no number"
            }
        }

        return last;
    }

    /// <summary>
    /// A USMLE score in free text: the last three-digit number if there is one ("238, 2nd attempt" reads 238), else
    /// the last number.
    /// </summary>
    public static int? ScoreNumber(string text)
    {
        int? threeDigit = null;
        foreach (Match m in NumberPattern().Matches(text))
        {
            if (!m.Groups["step"].Success && m.Groups["n"].Value.Length == 3)
            {
                threeDigit = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            }
        }

        return threeDigit ?? LastNumber(text);
    }

    /// <summary>"1 year 6 months", "about 2 yrs", "18 mo" in months; null when the text has no unit.</summary>
    public static int? MonthsWithUnits(string text)
    {
        double total = 0;
        var found = false;
        foreach (Match m in DurationPattern().Matches(text))
        {
            var value = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += m.Groups["unit"].Value.StartsWith('y') ? value * 12 : value;
            found = true;
        }

        return found ? (int)Math.Round(total) : null;
    }

    /// <summary>True when the text contains a minus sign right before a number ("-3").</summary>
    public static bool HasNegativeNumber(string text) => NegativePattern().IsMatch(text);

    public static bool? YesNo(string text)
    {
        var t = Normalize(text);
        if (t is "y" or "yes" or "yeah" or "yep" or "true" or "sure" or "passed" or "pass" or "done" or "of course" || t.StartsWith("yes", StringComparison.Ordinal))
        {
            return true;
        }

        if (t is "n" or "no" or "nope" or "false" or "not yet" or "none" or "not taken" || t.StartsWith("no ", StringComparison.Ordinal) || t.StartsWith("not ", StringComparison.Ordinal))
        {
            return false;
        }

        return null;
    }

    /// <summary>Lower-case, trimmed, inner whitespace collapsed, surrounding punctuation removed.</summary>
    public static string Normalize(string text) =>
        SpacePattern().Replace(text.Trim().Trim('.', '!', '?', '"', '\'').ToLowerInvariant(), " ");

    /// <summary>Splits "Spanish, Tagalog and Hindi" into items.</summary>
    public static IReadOnlyList<string> List(string text) =>
        ListSeparator().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    [GeneratedRegex(@"(?<step>step\s*)?(?<n>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?<unit>years?|yrs?|y|months?|mos?|m)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(^|[^\w])-\s*\d")]
    private static partial Regex NegativePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();

    [GeneratedRegex(@"\s*(?:,|;|/|\band\b|\+|&)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();
}
