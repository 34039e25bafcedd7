using SmartPick.Ranking.Profiles;
using static SmartPick.Bot.Core.Intake.StepReaders;

namespace SmartPick.Bot.Core.Intake;

/// <summary>
/// The intake dialogue as data, in the order asked. Main questions take several facts in one message ("Step 1 pass,
/// CK 238, graduated 2019"); a follow-up is asked only for what the main answer left open, so a typical applicant
/// answers about ten messages, and the progress counter counts main questions only.
/// </summary>
public static class IntakeTable
{
    private static readonly string[] AttemptChoices = ["First attempt", "Failed once, then passed", "Failed twice, then passed"];

    public static IReadOnlyList<IntakeStep> Steps { get; } =
    [
        new("specialties", "Specialties",
            "Which specialty are you applying to? You can name several, separated by commas (e.g. _Internal Medicine, Family Medicine_).",
            ["Internal Medicine", "Family Medicine", "Pediatrics", "Psychiatry", "Neurology"],
            ReadSpecialties, p => p.Specialties.Count == 0 ? null : string.Join(", ", p.Specialties),
            p => p with { Specialties = [] }, Aliases: ["specialty"]),

        new("type", "Applicant type",
            "Which describes you? (NRMP counts green-card holders who studied abroad as **non-US IMGs**.)",
            ["US citizen", "Green card holder", "Non-US IMG, need J-1", "Non-US IMG, need H-1B", "Non-US IMG, no visa needed"],
            ReadType, p => p.ApplicantType switch { ApplicantType.UsImg => "US-IMG (US citizen)", ApplicantType.NonUsImg => "Non-US IMG", _ => null },
            p => p with { ApplicantType = null }, Aliases: ["applicanttype", "img"]),

        new("visa", "Visa",
            "Will you need a **visa** for residency? _None_ (green card), _J-1_ or _H-1B_.",
            ["None", "J-1", "H-1B"],
            ReadVisa, p => p.Visa switch { VisaNeed.None => "none needed", VisaNeed.J1 => "J-1", VisaNeed.H1B => "H-1B", _ => null },
            p => p with { Visa = null }, p => p.ApplicantType != ApplicantType.UsImg && p.Visa is null) { Group = "type" },

        new("exams", "USMLE and graduation",
            "Your **USMLE results and graduation year**, in one message — e.g. _Step 1 passed first try, Step 2 CK 238 first try, no Step 3, graduated 2019_. Press _One at a time_ to answer them separately.",
            ["One at a time"],
            ReadExams, ShowExams, p => p with { Step1 = null, Step2ck = null, Step3 = null, GraduationYear = null }) { Compound = true },

        new("step1", "Step 1",
            "What was your **USMLE Step 1** result? (A three-digit score if you took it before pass/fail.)",
            ["Passed, first attempt", "Failed once, then passed", "Failed, not passed yet"],
            ReadStep1, ShowStep1, p => p with { Step1 = null }, p => p.Step1?.Result is null) { Group = "exams" },

        new("step1attempts", "Step 1 attempts",
            "Did you pass **Step 1** on the first attempt?",
            AttemptChoices,
            (p, t, _) => Attempts(t, n => p with { Step1 = (p.Step1 ?? new()) with { Attempts = n } }),
            p => p.Step1?.Attempts?.ToString(), p => p with { Step1 = p.Step1 is null ? null : p.Step1 with { Attempts = null } },
            p => p.Step1?.Result is Step1Result.Pass or Step1Result.Score && p.Step1.Attempts is null, ["step1-attempts"]) { Group = "exams" },

        new("step2ck", "Step 2 CK score",
            "What is your **USMLE Step 2 CK** score? (Send _skip_ if you haven't taken it yet.)",
            [],
            ReadStep2, ShowStep2, p => p with { Step2ck = null },
            p => p.Step2ck?.Score is null && p.Step2ck?.Passed is not false, ["step2", "ck", "step2-ck"]) { Group = "exams" },

        new("step2result", "Step 2 CK result",
            "Scores from 209 to 217 passed or failed depending on the test date (passing standard 209 until June 2022, 214 until June 2025, 218 since July 2025). Did that attempt **pass**? You can also send the year you took it.",
            ["Passed", "Failed"],
            ReadStep2Result, p => p.Step2ck?.Passed switch { true => "passed", false => "not passed yet", _ => null },
            p => p with { Step2ck = p.Step2ck is null ? null : p.Step2ck with { Passed = null } },
            p => p.Step2ck?.Score is >= Reading.Step2Score.LowestPassing and < Reading.Step2Score.AlwaysPassing && p.Step2ck.Passed is null) { Group = "exams" },

        new("step2attempts", "Step 2 CK attempts",
            "Did you pass **Step 2 CK** on the first attempt?",
            AttemptChoices,
            (p, t, _) => Attempts(t, n => p with { Step2ck = (p.Step2ck ?? new()) with { Attempts = n } }),
            p => p.Step2ck?.Attempts?.ToString(), p => p with { Step2ck = p.Step2ck is null ? null : p.Step2ck with { Attempts = null } },
            p => p.Step2ck?.Score is not null && p.Step2ck.Passed is not false && p.Step2ck.Attempts is null, ["step2-attempts", "step2ckattempts"]) { Group = "exams" },

        new("step3", "Step 3",
            "Have you **passed Step 3**? Answer _yes_ (add the score if you like, e.g. _yes 221_) or _no_.",
            ["Yes", "No"],
            ReadStep3, p => p.Step3?.Passed switch { true => p.Step3.Score is { } s ? $"passed ({s})" : "passed", false => "not passed", _ => null },
            p => p with { Step3 = null }, p => p.Step3 is null) { Group = "exams" },

        new("gradyear", "Graduation year",
            "In which **year did you graduate** from medical school (or expect to)?",
            [],
            ReadGraduationYear, p => p.GraduationYear?.ToString(), p => p with { GraduationYear = null },
            p => p.GraduationYear is null, ["graduationyear", "yog", "graduation"]) { Group = "exams" },

        new("usce", "US clinical experience",
            "How much **US clinical experience** (USCE) do you have? e.g. _4 months hands-on, 2 in California_, _only observerships, 3 months_, or _none_.",
            ["None", "3 months", "6 months", "12 months"],
            ReadUsce, p => p.Usce?.Months is { } m ? $"{m} months" : null, p => p with { Usce = null },
            Aliases: ["usce-months", "usceMonths"]),

        new("handson", "Hands-on USCE",
            "Was any of it **hands-on** (clerkship, externship, sub-internship), not only observership?",
            ["Yes", "No"],
            (p, t, _) => YesNo(t, "was any of your USCE hands-on?", b => p with { Usce = (p.Usce ?? new()) with { HandsOn = b } }),
            p => YesNoText(p.Usce?.HandsOn), p => p with { Usce = p.Usce is null ? null : p.Usce with { HandsOn = null } },
            p => p.Usce?.Months > 0 && p.Usce.HandsOn is null, ["hands-on", "usce-handson"]) { Group = "usce" },

        new("usceca", "USCE in California",
            "Was any of your USCE **in California**?",
            ["Yes", "No"],
            (p, t, _) => YesNo(t, "was any of your USCE in California?", b => p with { Usce = (p.Usce ?? new()) with { InCalifornia = b } }),
            p => YesNoText(p.Usce?.InCalifornia), p => p with { Usce = p.Usce is null ? null : p.Usce with { InCalifornia = null } },
            p => p.Usce?.Months > 0 && p.Usce.InCalifornia is null, ["usce-ca", "usce-california"]) { Group = "usce" },

        new("letters", "US letters",
            "How many **letters of recommendation from US physicians** do you have — and how many are in your specialty and from California? e.g. _3 letters, 2 in IM, 1 from California_.",
            ["0", "1", "2", "3", "4"],
            ReadLetters, p => p.Letters?.Us?.ToString(), p => p with { Letters = null }, Aliases: ["letters-us", "lors"]),

        new("lettersspecialty", "Letters in specialty",
            "How many of those letters are **from your chosen specialty**?",
            [],
            ReadLettersInSpecialty, p => p.Letters?.InSpecialty?.ToString(), p => p with { Letters = p.Letters is null ? null : p.Letters with { InSpecialty = null } },
            p => p.Letters?.Us > 0 && p.Letters.InSpecialty is null, ["letters-specialty"]) { Group = "letters", ChoicesFor = UpToLetters },

        new("lettersca", "California letters",
            "How many are **from physicians in California**?",
            [],
            ReadLettersCalifornia, p => p.Letters?.California?.ToString(), p => p with { Letters = p.Letters is null ? null : p.Letters with { California = null } },
            p => p.Letters?.Us > 0 && p.Letters.California is null, ["letters-ca", "letters-california"]) { Group = "letters", ChoicesFor = UpToLetters },

        new("extras", "Languages and publications",
            "**Languages besides English** you use with patients, and how many **publications** you have? e.g. _Spanish, 2 publications_, or _none_.",
            ["None"],
            ReadExtras, ShowExtras, p => p with { Languages = null, Research = null }) { Compound = true },

        new("languages", "Languages",
            "Which **languages besides English** do you speak well enough to use with patients? (e.g. _Spanish, Tagalog_, or _none_)",
            ["Spanish", "None"],
            ReadLanguages, p => p.Languages is null ? null : p.Languages.Count == 0 ? "English only" : string.Join(", ", p.Languages),
            p => p with { Languages = null }, p => p.Languages is null, ["language"]) { Group = "extras" },

        new("publications", "Publications",
            "How many **publications** do you have (peer-reviewed papers; 0 is fine)?",
            ["0", "1", "2", "5"],
            (p, t, _) => Count(t, "The number of publications", 0, ProfileValidator.MaxPublications, n => p with { Research = new ResearchInfo(n) }),
            p => p.Research?.Publications?.ToString(), p => p with { Research = null }, p => p.Research?.Publications is null, ["research", "pubs"]) { Group = "extras" },

        new("regions", "Preferred regions",
            "Where would you like to train? Regions or state codes, separated by commas (e.g. _Los Angeles, San Diego_ or _CA, NV_).",
            [.. Vocabulary.Regions.Select(r => r.Label)],
            ReadRegions, p => p.Preferences?.Regions is { Count: > 0 } r ? string.Join(", ", r) : null,
            p => p with { Preferences = p.Preferences is null ? null : p.Preferences with { Regions = null } }, Aliases: ["region"]),

        new("states", "Preferred states",
            "Any **states** you'd also consider? Two-letter codes separated by commas (e.g. _CA, NV, AZ_), or _any_.",
            ["CA", "Any"],
            ReadStates, p => p.Preferences?.States is { } s ? (s.Count == 0 ? "any" : string.Join(", ", s)) : null,
            p => p with { Preferences = p.Preferences is null ? null : p.Preferences with { States = null } }, Aliases: ["state"]) { Asked = false },

        new("connections", "Connections (for signals)",
            "Optional, for placing ERAS signals: where did you **rotate** in the US, and which programs are your **letter writers** tied to? e.g. _rotated at Kern Medical and Arrowhead; letters from UC Riverside_. Send _skip_ if none.",
            [],
            ReadConnections, ShowConnections, p => p with { Connections = null }, Aliases: ["rotations", "signals"]),

        new("military", "Military applicant",
            "Are you a **military applicant** (USU graduate or HPSP scholar)? Military programs take only them.",
            ["Yes", "No"],
            (p, t, _) => YesNo(t, "are you a military applicant (USU or HPSP)?", b => p with { Military = b }),
            p => p.Military is true ? "yes (USU/HPSP)" : null, p => p with { Military = null }, Aliases: ["usu", "hpsp"]) { Asked = false },

        new("interviews", "Interviews so far",
            "It's interview season: how many **interview invitations** have you received so far this cycle? (_0_ is a fine answer.)",
            ["0", "1", "2", "3", "5"],
            (p, t, _) => Count(Reading.FactReader.InterviewCount(t) ?? t, "The number of interviews", 0, ProfileValidator.MaxInterviews, n => p with { Interviews = n }),
            p => p.Interviews?.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p with { Interviews = null }) { OnlyWhen = c => c.InterviewSeason },
    ];

    public static IntakeStep? Find(string idOrAlias) => Steps.FirstOrDefault(s => s.Matches(idOrAlias.Trim()));

    /// <summary>Steps that hold one field each (what summaries list and /profile set changes).</summary>
    public static IEnumerable<IntakeStep> Fields => Steps.Where(s => !s.Compound);

    private static IReadOnlyList<string> UpToLetters(ApplicantProfile p) =>
        [.. Enumerable.Range(0, Math.Min(p.Letters?.Us ?? 3, 4) + 1).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
