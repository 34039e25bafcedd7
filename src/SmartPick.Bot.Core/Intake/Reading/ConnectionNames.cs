using System.Text.RegularExpressions;

namespace SmartPick.Bot.Core.Intake.Reading;

/// <summary>"rotated at Kern Medical and Arrowhead" → ["Kern Medical", "Arrowhead"]: lead-in words dropped, names kept as typed.</summary>
internal static partial class ConnectionNames
{
    public static IReadOnlyList<string> Split(string part)
    {
        var body = LeadIn().Replace(part, string.Empty);
        return [.. AnswerReader.List(body).Select(n => n.Trim(' ', ',', '.')).Where(n => n.Length > 1 && n.Length <= 80 && !IsFiller(n))];
    }

    private static bool IsFiller(string name) => AnswerReader.Normalize(name) is "none" or "no" or "skip" or "n/a" or "nothing";

    [GeneratedRegex(@"^.*?\b(?:rotated|rotations?|rotating|did (?:my )?(?:usce|electives?|externships?|observerships?)|letters?(?: of recommendation)?|lors?|writers?|tied to|connected to|work(?:s|ed)?)\b(?:\s+(?:at|in|with|from|are from|is from|by))*\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadIn();
}
