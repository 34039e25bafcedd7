using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake.Reading;

/// <summary>
/// Step 2 CK passing standards by test date (domain-data, "Added 2026-12-04"): 209 from July 2014, 214 from July 2022,
/// 218 from July 2025. Below 209 is a failed attempt whatever the date, not a score; 209–217 is a pass or a fail
/// depending on the date, so the result is asked, not guessed; under 100 is not a plausible score.
/// </summary>
public static class Step2Score
{
    public const int LowestPassing = 209;
    public const int AlwaysPassing = 218;
    public const int Plausible = 100;

    public static void Apply(FactSheet sheet, int score)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (score < Plausible || score > ProfileValidator.MaxScore)
        {
            sheet.Note(Implausible(score));
            return;
        }

        var current = sheet.Profile.Step2ck ?? new Step2Info();
        if (score < LowestPassing)
        {
            sheet.Set(p => p with { Step2ck = current with { Score = null, Passed = false, Attempts = Math.Max(1, current.Attempts ?? 1) } });
            sheet.Note(BelowPassing(score));
            return;
        }

        sheet.Set(p => p with { Step2ck = current with { Score = score, Passed = score >= AlwaysPassing ? true : current.Passed } });
    }

    /// <summary>Whether a score passed on a test taken in <paramref name="year"/>; null when that year had two standards.</summary>
    public static bool? PassedIn(int score, int year) => year switch
    {
        < 2022 => score >= 209,
        2022 => score >= 214 ? true : score < 209 ? false : null,
        2023 or 2024 => score >= 214,
        2025 => score >= 218 ? true : score < 214 ? false : null,
        _ => score >= 218,
    };

    public static string Implausible(int score) =>
        $"{score} can't be a Step 2 CK score: the scale runs 1–300 and real passing and failing scores sit well above 100. Please check it (e.g. _238_).";

    public static string BelowPassing(int score) =>
        $"{score} is below every Step 2 CK passing standard (209 or higher since 2014), so I record it as a failed attempt, not as a score. If you retook it and passed, send that score.";
}
