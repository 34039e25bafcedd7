using System.Globalization;
using System.Text.RegularExpressions;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake.Reading;

/// <summary>
/// USMLE facts in free text: "238 on ck", "CK 238", "step 2: 238", "step1 pass", "failed step 1 once then passed",
/// "no step 3". Pass/fail words belong to the nearest exam named in the same clause, else to the one named before.
/// </summary>
internal static partial class ExamReader
{
    public static void Read(string text, FactSheet sheet)
    {
        var used = new HashSet<int>();
        foreach (Match m in ExamThenNumber().Matches(text))
        {
            used.Add(m.Groups["n"].Index);
            Score(sheet, Exam(m.Groups["exam"].Value), m.Groups["n"].Value);
        }

        foreach (Match m in NumberThenExam().Matches(text))
        {
            if (used.Add(m.Groups["n"].Index))
            {
                Score(sheet, Exam(m.Groups["exam"].Value), m.Groups["n"].Value);
            }
        }

        var last = 0;
        foreach (var clause in ClauseSplit().Split(text))
        {
            var mentions = ExamName().Matches(clause).Select(x => (x.Index, Exam: Exam(x.Value))).ToList();
            var outcome = Outcome().Match(clause);
            if (outcome.Success)
            {
                var exam = mentions.Count == 0 ? last : mentions.MinBy(x => Math.Abs(x.Index - outcome.Index)).Exam;
                Outcome(sheet, exam, clause, outcome);
                if (exam != 0 && WithScore().Match(clause) is { Success: true } scored)
                {
                    Score(sheet, exam, scored.Groups["n"].Value); // "failed once, then passed with 230"
                }
            }

            if (mentions.Count > 0)
            {
                last = mentions[^1].Exam;
            }
        }
    }

    private static void Outcome(FactSheet sheet, int exam, string clause, Match outcome)
    {
        var failed = clause.Contains("fail", StringComparison.Ordinal);
        var passed = PassWord().IsMatch(clause);
        var notTaken = NotTaken().IsMatch(clause);
        var failures = failed ? FailureCount(clause) : 0;
        var firstTry = FirstTry().IsMatch(clause);
        switch (exam)
        {
            case 1:
                var s1 = sheet.Profile.Step1 ?? new Step1Info();
                if (failed && passed)
                {
                    sheet.Set(p => p with { Step1 = s1 with { Result = s1.Result == Step1Result.Score ? Step1Result.Score : Step1Result.Pass, Attempts = failures + 1 } });
                }
                else if (failed)
                {
                    sheet.Set(p => p with { Step1 = s1 with { Result = Step1Result.Fail, Attempts = FailureCountGiven(clause) ? failures : s1.Attempts } });
                }
                else if (passed || firstTry)
                {
                    sheet.Set(p => p with { Step1 = s1 with { Result = s1.Result == Step1Result.Score ? Step1Result.Score : Step1Result.Pass, Attempts = firstTry ? 1 : s1.Attempts } });
                }

                break;
            case 2:
                var s2 = sheet.Profile.Step2ck ?? new Step2Info();
                if (failed && passed)
                {
                    sheet.Set(p => p with { Step2ck = s2 with { Passed = true, Attempts = failures + 1 } });
                }
                else if (failed)
                {
                    sheet.Set(p => p with { Step2ck = s2 with { Passed = false, Score = null, Attempts = FailureCountGiven(clause) ? failures : s2.Attempts ?? 1 } });
                }
                else if (passed || firstTry)
                {
                    sheet.Set(p => p with { Step2ck = s2 with { Passed = true, Attempts = firstTry ? 1 : s2.Attempts } });
                }
                else if (notTaken)
                {
                    sheet.Note("Step 2 CK not taken yet: I'll leave the score as not reported.");
                }

                break;
            case 3:
                var s3 = sheet.Profile.Step3;
                if (notTaken || (failed && !passed))
                {
                    sheet.Set(p => p with { Step3 = new Step3Info(false, null) });
                }
                else if (passed)
                {
                    sheet.Set(p => p with { Step3 = new Step3Info(true, s3?.Score) });
                }

                break;
        }
    }

    private static void Score(FactSheet sheet, int exam, string digits)
    {
        var n = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        switch (exam)
        {
            case 1 when n is >= 140 and <= 300:
                sheet.Set(p => p with { Step1 = (p.Step1 ?? new Step1Info()) with { Result = Step1Result.Score, Score = n } });
                break;
            case 2:
                Step2Score.Apply(sheet, n);
                break;
            case 3 when n is >= 140 and <= 300:
                sheet.Set(p => p with { Step3 = new Step3Info(true, n) });
                break;
        }
    }

    private static int FailureCount(string clause)
    {
        var m = FailCount().Match(clause);
        if (!m.Success)
        {
            return 1;
        }

        return m.Groups["n"].Value switch
        {
            "once" or "one time" or "1 time" or "1x" => 1,
            "twice" or "two times" or "2 times" or "2x" => 2,
            "three times" or "3 times" or "thrice" or "3x" => 3,
            _ => 1,
        };
    }

    private static bool FailureCountGiven(string clause) => FailCount().IsMatch(clause);

    private static int Exam(string name)
    {
        var n = name.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("usmle", string.Empty, StringComparison.Ordinal);
        if (n.Contains("ck", StringComparison.Ordinal) || n.Contains('2') || n.Contains("two", StringComparison.Ordinal))
        {
            return 2;
        }

        return n.Contains('3') || n.Contains("three", StringComparison.Ordinal) ? 3 : 1;
    }

    private const string ExamAlternatives = @"\b(?:usmle\s*)?(?:step\s*-?\s*(?:2\s*-?\s*ck|2|two)|s2\s*ck|2\s*ck|ck|step\s*-?\s*(?:1|one|i)|s1|step\s*-?\s*(?:3|three)|s3)\b";

    [GeneratedRegex(@"(?<exam>" + ExamAlternatives + @")(?:\s*score)?\s*(?:is|was|of|=|:|-|—|,)?\s*(?:a\s+|around\s+|about\s+)?(?<n>\d{1,3})(?!\d|\s*(?:months?|mos?|times|attempts?|letters?|x\b)|(?:st|nd|rd|th)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ExamThenNumber();

    [GeneratedRegex(@"(?<![\d.])(?<n>\d{3})\s*(?:on|in|for|at)?\s*(?:my\s+|the\s+)?(?<exam>" + ExamAlternatives + ")", RegexOptions.CultureInvariant)]
    private static partial Regex NumberThenExam();

    [GeneratedRegex(ExamAlternatives, RegexOptions.CultureInvariant)]
    private static partial Regex ExamName();

    [GeneratedRegex(@"\bpass(?:ed)?\b|\bfail(?:ed|ure)?\b|\bfirst (?:attempt|try|time|go)\b|\b1st (?:attempt|try)\b|\bnot (?:taken|done|yet)\b|\bhaven'?t (?:taken|done)\b|\bno step|\bdidn'?t take\b|\bnot yet\b|\bpending\b|\bhavent\b", RegexOptions.CultureInvariant)]
    private static partial Regex Outcome();

    [GeneratedRegex(@"\b(?:passed|scored|got)\s+(?:with\s+)?(?:a\s+)?(?<n>\d{3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex WithScore();

    [GeneratedRegex(@"\bpass(?:ed)?\b|\bp\b", RegexOptions.CultureInvariant)]
    private static partial Regex PassWord();

    [GeneratedRegex(@"\bnot (?:taken|done|yet)\b|\bhaven'?t\b|\bhavent\b|\bno step|\bdidn'?t take\b|\bpending\b|\bnot passed\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotTaken();

    [GeneratedRegex(@"\bfirst (?:attempt|try|time|go)\b|\b1st (?:attempt|try)\b|\bon the first\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstTry();

    [GeneratedRegex(@"\b(?<n>once|twice|thrice|one time|two times|three times|[123] times|[123]x)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FailCount();

    [GeneratedRegex(@"\s*(?:,(?!\s*then\b)|[;.]|\band\b(?!\s*then\b)|\bbut\b|\balso\b|\bplus\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseSplit();
}
