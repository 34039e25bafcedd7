namespace SmartPick.Ranking.Profiles;

/// <summary>
/// What an applicant has told us. Every field is optional except <see cref="Specialties"/>;
/// <c>null</c> always means "not given", never "no".
/// </summary>
public sealed record ApplicantProfile
{
    public IReadOnlyList<string> Specialties { get; init; } = [];
    public ApplicantType? ApplicantType { get; init; }
    public Step1Info? Step1 { get; init; }
    public Step2Info? Step2ck { get; init; }
    public Step3Info? Step3 { get; init; }
    public int? GraduationYear { get; init; }
    public VisaNeed? Visa { get; init; }
    public UsceInfo? Usce { get; init; }
    public LettersInfo? Letters { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public ResearchInfo? Research { get; init; }
    public PreferencesInfo? Preferences { get; init; }

    /// <summary>Interview invitations received so far this cycle (interview season); null = not given, 0 = none yet.</summary>
    public int? Interviews { get; init; }

    /// <summary>
    /// True for a military applicant (USU graduate or HPSP scholar), the only applicants military programs take; null or
    /// false: civilian. Never asked in the intake; <c>/profile set military yes</c>.
    /// </summary>
    public bool? Military { get; init; }

    /// <summary>Programs the applicant has a real tie to (rotations, letter writers), for placing signals.</summary>
    public ConnectionsInfo? Connections { get; init; }
}

public enum ApplicantType
{
    NonUsImg,
    UsImg,
}

public enum Step1Result
{
    Pass,
    Fail,
    Score,
}

public enum VisaNeed
{
    None,
    J1,
    H1B,
}

/// <summary>
/// USMLE Step 1: pass/fail era result, or a numeric score from before 2022. <c>Attempts</c> counts every attempt: with
/// Result Pass or Score the last one passed (Attempts − 1 failures); with Fail all of them failed.
/// </summary>
public sealed record Step1Info(Step1Result? Result = null, int? Score = null, int? Attempts = null);

/// <param name="Score">The passing score (a score below the passing standard is a failed attempt, never stored here).</param>
/// <param name="Attempts">All attempts, the passing one included.</param>
/// <param name="Passed">True: passed (Attempts − 1 failures); false: not passed yet (Attempts failures); null: not known.</param>
public sealed record Step2Info(int? Score = null, int? Attempts = null, bool? Passed = null);

public sealed record Step3Info(bool? Passed = null, int? Score = null);

public sealed record UsceInfo(int? Months = null, bool? HandsOn = null, bool? InCalifornia = null);

public sealed record LettersInfo(int? Us = null, int? InSpecialty = null, int? California = null);

public sealed record ResearchInfo(int? Publications = null);

public sealed record PreferencesInfo(IReadOnlyList<string>? Regions = null, IReadOnlyList<string>? States = null);

/// <param name="Rotations">Programs or hospitals where the applicant rotated (names as given, or ACGME ids).</param>
/// <param name="LetterWriters">Programs or hospitals their letter writers work at or are tied to.</param>
public sealed record ConnectionsInfo(IReadOnlyList<string>? Rotations = null, IReadOnlyList<string>? LetterWriters = null);
