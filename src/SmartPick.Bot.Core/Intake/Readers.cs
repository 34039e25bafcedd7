using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>Building blocks for the intake table's readers; each returns a friendly reason on bad input.</summary>
internal static class Readers
{
    public static ParseResult Number(string text, string what, int min, int max, Func<int, ApplicantProfile> apply) =>
        Number(text, AnswerReader.LastNumber(text), what, min, max, apply);

    private static ParseResult Number(string text, int? n, string what, int min, int max, Func<int, ApplicantProfile> apply)
    {
        if (AnswerReader.HasNegativeNumber(text))
        {
            return ParseResult.Reject($"{what} can't be negative. Please send a number from {min} to {max}.");
        }

        if (n is null)
        {
            return ParseResult.Reject($"I couldn't find a number there. Please send {what} as a number from {min} to {max}.");
        }

        return n < min || n > max
            ? ParseResult.Reject($"{what} must be between {min} and {max}; I read {Shown(n.Value)}. Could you check and send it again?")
            : ParseResult.Success(apply(n.Value));
    }

    public static ParseResult Score(string text, string exam, Func<int, ApplicantProfile> apply) =>
        Number(text, AnswerReader.ScoreNumber(text), $"A {exam} score", ProfileValidator.MinScore, ProfileValidator.MaxScore, apply);

    public static ParseResult YesNo(string text, string question, Func<bool, ApplicantProfile> apply) =>
        AnswerReader.YesNo(text) is { } b
            ? ParseResult.Success(apply(b))
            : ParseResult.Reject($"Please answer yes or no: {question}");

    /// <summary>Months, accepting "6", "6 months", "1 year", "1.5 years".</summary>
    public static ParseResult Months(string text, Func<int, ApplicantProfile> apply)
    {
        var t = AnswerReader.Normalize(text);
        if (t is "none" or "no" or "zero" or "0" or "nothing")
        {
            return ParseResult.Success(apply(0));
        }

        if (AnswerReader.MonthsWithUnits(t) is { } months)
        {
            return months > ProfileValidator.MaxMonths
                ? ParseResult.Reject($"That is more than {ProfileValidator.MaxMonths} months; please send the number of months of US clinical experience.")
                : ParseResult.Success(apply(months));
        }

        return Number(text, "The number of months", 0, ProfileValidator.MaxMonths, apply);
    }

    private static string Shown(int n) => n == int.MaxValue ? "a very long number" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
