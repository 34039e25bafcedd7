namespace SmartPick.Ranking.Profiles;

/// <summary>Range checks shared by the intake dialogue, <c>/profile set</c> and profile files.</summary>
public static class ProfileValidator
{
    public const int MinScore = 1;
    public const int MaxScore = 300;
    public const int MinGraduationYear = 1960;
    public const int MaxAttempts = 6;
    public const int MaxMonths = 240;
    public const int MaxLetters = 20;
    public const int MaxPublications = 500;
    public const int MaxInterviews = 100;

    public static IReadOnlyList<string> Validate(ApplicantProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<string>();
        if (profile.Specialties.Count == 0)
        {
            problems.Add("specialties: at least one specialty is required");
        }

        if (profile.Specialties.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("specialties: names must not be empty");
        }

        Score("step1.score", profile.Step1?.Score, problems);
        Attempts("step1.attempts", profile.Step1?.Attempts, problems);
        Score("step2ck.score", profile.Step2ck?.Score, problems);
        Attempts("step2ck.attempts", profile.Step2ck?.Attempts, problems);
        Score("step3.score", profile.Step3?.Score, problems);
        Range("graduationYear", profile.GraduationYear, MinGraduationYear, 2100, problems);
        Range("usce.months", profile.Usce?.Months, 0, MaxMonths, problems);
        Range("letters.us", profile.Letters?.Us, 0, MaxLetters, problems);
        Range("letters.inSpecialty", profile.Letters?.InSpecialty, 0, MaxLetters, problems);
        Range("letters.california", profile.Letters?.California, 0, MaxLetters, problems);
        Range("research.publications", profile.Research?.Publications, 0, MaxPublications, problems);
        Range("interviews", profile.Interviews, 0, MaxInterviews, problems);
        return problems;
    }

    private static void Score(string field, int? value, List<string> problems) => Range(field, value, MinScore, MaxScore, problems);

    private static void Attempts(string field, int? value, List<string> problems) => Range(field, value, 1, MaxAttempts, problems);

    private static void Range(string field, int? value, int min, int max, List<string> problems)
    {
        if (value is { } v && (v < min || v > max))
        {
            problems.Add($"{field}: {v} is outside {min}–{max}");
        }
    }
}
