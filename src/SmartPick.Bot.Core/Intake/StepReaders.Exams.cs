using System.Globalization;
using SmartPick.Bot.Core.Intake.Reading;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>Readers for the exam questions: results, attempts, passing standards, graduation year.</summary>
internal static partial class StepReaders
{
    public static ParseResult ReadExams(ApplicantProfile p, string text, IntakeContext context)
    {
        var t = AnswerReader.Normalize(text);
        if (t is "one at a time" or "separately" or "one by one")
        {
            return ParseResult.Success(p);
        }

        var sheet = FactReader.Read(text, context);
        var f = sheet.Profile;
        if (f.Step1 is null && f.Step2ck is null && f.Step3 is null && f.GraduationYear is null)
        {
            // A bare three-digit number here is the Step 2 CK score.
            if (AnswerReader.ScoreNumber(text) is { } n && !t.Contains(' ', StringComparison.Ordinal))
            {
                return ReadStep2(p, text, context);
            }

            return ParseResult.Reject(sheet.Notes.Count > 0
                ? string.Join(' ', sheet.Notes)
                : "I couldn't read an exam result there. Try e.g. _Step 1 pass, CK 238, no Step 3, graduated 2019_, or press _One at a time_.");
        }

        var merged = p with
        {
            Step1 = f.Step1 is null ? p.Step1 : Merge(p.Step1, f.Step1),
            Step2ck = f.Step2ck is null ? p.Step2ck : Merge(p.Step2ck, f.Step2ck),
            Step3 = f.Step3 ?? p.Step3,
            GraduationYear = f.GraduationYear ?? p.GraduationYear,
        };
        return ParseResult.Success(merged, sheet.Notes.Count > 0 ? string.Join(' ', sheet.Notes) : null);
    }

    public static string? ShowExams(ApplicantProfile p)
    {
        var parts = new[] { ShowStep1(p) is { } s1 ? "Step 1 " + s1 : null, ShowStep2(p) is { } s2 ? "Step 2 CK " + s2 : null, p.GraduationYear is { } y ? $"graduated {y}" : null };
        var shown = parts.OfType<string>().ToList();
        return shown.Count == 0 ? null : string.Join(", ", shown);
    }

    public static ParseResult ReadStep1(ApplicantProfile p, string text, IntakeContext context)
    {
        var t = AnswerReader.Normalize(text);
        var current = p.Step1 ?? new Step1Info();
        var sheet = FactReader.Read("step 1 " + text, context);
        if (AnswerReader.ScoreNumber(text) is >= 140 and <= ProfileValidator.MaxScore and var score && !t.Contains("fail", StringComparison.Ordinal))
        {
            return ParseResult.Success(p with { Step1 = current with { Result = Step1Result.Score, Score = score, Attempts = sheet.Profile.Step1?.Attempts ?? current.Attempts } });
        }

        if (sheet.Profile.Step1 is { Result: not null } read)
        {
            return ParseResult.Success(p with { Step1 = Merge(current, read) });
        }

        if (t is "p" or "yes" or "pass")
        {
            return ParseResult.Success(p with { Step1 = current with { Result = Step1Result.Pass } });
        }

        return AnswerReader.ScoreNumber(text) is >= 100
            ? Readers.Score(text, "Step 1", n => p with { Step1 = current with { Result = Step1Result.Score, Score = n } })
            : ParseResult.Reject("Please answer _Pass_ or _Fail_ (e.g. _failed once, then passed_), or a three-digit Step 1 score such as _212_.");
    }

    public static string? ShowStep1(ApplicantProfile p) => p.Step1?.Result switch
    {
        Step1Result.Pass => "Pass" + AttemptsText(p.Step1.Attempts, passed: true),
        Step1Result.Fail => "Fail" + AttemptsText(p.Step1.Attempts, passed: false),
        Step1Result.Score => p.Step1.Score?.ToString(CultureInfo.InvariantCulture) + AttemptsText(p.Step1.Attempts, passed: true),
        _ => null,
    };

    public static ParseResult Attempts(string text, Func<int, ApplicantProfile> apply)
    {
        var t = AnswerReader.Normalize(text);
        int? n = t switch
        {
            _ when t.Contains("first", StringComparison.Ordinal) || t is "yes" or "y" or "1st" => 1,
            _ when t.Contains("twice", StringComparison.Ordinal) || t.Contains("two times", StringComparison.Ordinal) => 3,
            _ when t.Contains("once", StringComparison.Ordinal) || t.Contains("one time", StringComparison.Ordinal) || t is "no" or "second" or "2nd" => 2,
            _ when t.Contains("three times", StringComparison.Ordinal) || t.Contains("thrice", StringComparison.Ordinal) => 4,
            _ => null,
        };
        return n is { } attempts
            ? ParseResult.Success(apply(attempts))
            : Readers.Number(text, "The number of attempts (the passing one included)", 1, ProfileValidator.MaxAttempts, apply);
    }

    public static ParseResult ReadStep2(ApplicantProfile p, string text, IntakeContext context)
    {
        if (AnswerReader.HasNegativeNumber(text) || AnswerReader.ScoreNumber(text) is not { } n)
        {
            return ParseResult.Reject("I couldn't find a score there. Please send your Step 2 CK score as a number, e.g. _238_.");
        }

        var sheet = new FactSheet();
        sheet.Set(_ => p);
        Step2Score.Apply(sheet, Math.Min(n, 100_000));
        if (ReferenceEquals(sheet.Profile, p))
        {
            return ParseResult.Reject(sheet.Notes[0]);
        }

        var before = p.Step2ck;
        var after = sheet.Profile.Step2ck!;
        if (before?.Passed == false && after.Score is not null)
        {
            after = after with { Attempts = (before.Attempts ?? 1) + 1 }; // a pass after recorded failures
        }

        return ParseResult.Success(sheet.Profile with { Step2ck = after }, sheet.Notes.Count > 0 ? sheet.Notes[0] : null);
    }

    public static string? ShowStep2(ApplicantProfile p) => p.Step2ck switch
    {
        { Score: { } s } => s.ToString(CultureInfo.InvariantCulture) + (p.Step2ck.Passed is null ? " (result not given)" : AttemptsText(p.Step2ck.Attempts, passed: true)),
        { Passed: false } => "not passed yet" + AttemptsText(p.Step2ck.Attempts, passed: false),
        _ => null,
    };

    public static ParseResult ReadStep2Result(ApplicantProfile p, string text, IntakeContext context)
    {
        var s2 = p.Step2ck ?? new Step2Info();
        var t = AnswerReader.Normalize(text);
        bool? passed = t.Contains("fail", StringComparison.Ordinal) || t is "no" or "n" ? false
            : t.Contains("pass", StringComparison.Ordinal) || t is "yes" or "y" ? true
            : null;
        if (passed is null && AnswerReader.LastNumber(text) is >= 2014 and <= 2100 and var year && s2.Score is { } score)
        {
            passed = Step2Score.PassedIn(score, year);
            if (passed is null)
            {
                return ParseResult.Reject($"The passing standard changed in July {year}, so it depends on the month. Did that attempt pass?");
            }
        }

        return passed switch
        {
            true => ParseResult.Success(p with { Step2ck = s2 with { Passed = true } }),
            false => ParseResult.Success(
                p with { Step2ck = s2 with { Score = null, Passed = false, Attempts = Math.Max(1, s2.Attempts ?? 1) } },
                "Recorded as a failed attempt, not as a score. If you retook it and passed, send /profile set step2ck <score>."),
            _ => ParseResult.Reject("Please answer _Passed_ or _Failed_, or send the year you took it."),
        };
    }

    public static ParseResult ReadStep3(ApplicantProfile p, string text, IntakeContext context)
    {
        var number = AnswerReader.LastNumber(text);
        var yesNo = AnswerReader.YesNo(AnswerReader.Normalize(text).Split(' ')[0]);
        if (number is not null && yesNo != false)
        {
            return Readers.Score(text, "Step 3", n => p with { Step3 = new Step3Info(true, n) });
        }

        return yesNo is { } passed
            ? ParseResult.Success(p with { Step3 = new Step3Info(passed, null) })
            : ParseResult.Reject("Please answer _yes_ (optionally with your score) or _no_: have you passed Step 3?");
    }

    public static ParseResult ReadGraduationYear(ApplicantProfile p, string text, IntakeContext context) =>
        Readers.Number(text, "The graduation year", ProfileValidator.MinGraduationYear, context.CurrentYear + 2, n => p with { GraduationYear = n });

    private static Step1Info Merge(Step1Info? current, Step1Info read) =>
        new(read.Result ?? current?.Result, read.Score ?? current?.Score, read.Attempts ?? current?.Attempts);

    private static Step2Info Merge(Step2Info? current, Step2Info read) =>
        new(read.Score ?? (read.Passed == false ? null : current?.Score), read.Attempts ?? current?.Attempts, read.Passed ?? current?.Passed);

    private static string AttemptsText(int? attempts, bool passed) => (attempts, passed) switch
    {
        (null, _) => string.Empty,
        (1, true) => ", first attempt",
        (var a, true) => $", after {a - 1} failed attempt{(a - 1 == 1 ? string.Empty : "s")}",
        (1, false) => ", 1 failed attempt",
        (var a, false) => $", {a} failed attempts",
    };
}
