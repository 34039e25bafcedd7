using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>The intake dialogue as data: one row per profile field, in the order they are asked.</summary>
public static class IntakeTable
{
    public static IReadOnlyList<IntakeStep> Steps { get; } =
    [
        new("specialties", "Specialties",
            "Which specialty are you applying to? You can name several, separated by commas (e.g. _Internal Medicine, Family Medicine_).",
            ["Internal Medicine", "Family Medicine", "Pediatrics", "Psychiatry", "Neurology"],
            ReadSpecialties, p => p.Specialties.Count == 0 ? null : string.Join(", ", p.Specialties),
            p => p with { Specialties = [] }, Aliases: ["specialty"]),

        new("type", "Applicant type",
            "Are you a **US citizen or permanent resident who studied abroad** (US-IMG), or a **non-US IMG**?",
            ["US-IMG", "Non-US IMG"],
            ReadType, p => p.ApplicantType switch { ApplicantType.UsImg => "US-IMG", ApplicantType.NonUsImg => "Non-US IMG", _ => null },
            p => p with { ApplicantType = null }, Aliases: ["applicanttype", "img"]),

        new("step1", "Step 1",
            "What was your **USMLE Step 1** result? _Pass_, _Fail_, or your three-digit score if you took it before pass/fail.",
            ["Pass", "Fail"],
            ReadStep1, ShowStep1, p => p with { Step1 = p.Step1 is null ? null : p.Step1 with { Result = null, Score = null } }),

        new("step1attempts", "Step 1 attempts",
            "How many attempts did Step 1 take (counting the one you passed)?",
            ["1", "2", "3"],
            (p, t, _) => Readers.Number(t, "The number of attempts", 1, ProfileValidator.MaxAttempts, n => p with { Step1 = (p.Step1 ?? new()) with { Attempts = n } }),
            p => p.Step1?.Attempts?.ToString(), p => p with { Step1 = p.Step1 is null ? null : p.Step1 with { Attempts = null } },
            p => p.Step1?.Result is not null, ["step1-attempts"]),

        new("step2ck", "Step 2 CK score",
            "What is your **USMLE Step 2 CK** score? (Send _skip_ if you haven't taken it yet.)",
            [],
            (p, t, _) => Readers.Score(t, "Step 2 CK", n => p with { Step2ck = (p.Step2ck ?? new()) with { Score = n } }),
            p => p.Step2ck?.Score?.ToString(), p => p with { Step2ck = p.Step2ck is null ? null : p.Step2ck with { Score = null } },
            Aliases: ["step2", "ck", "step2-ck"]),

        new("step2attempts", "Step 2 CK attempts",
            "How many attempts did Step 2 CK take?",
            ["1", "2", "3"],
            (p, t, _) => Readers.Number(t, "The number of attempts", 1, ProfileValidator.MaxAttempts, n => p with { Step2ck = (p.Step2ck ?? new()) with { Attempts = n } }),
            p => p.Step2ck?.Attempts?.ToString(), p => p with { Step2ck = p.Step2ck is null ? null : p.Step2ck with { Attempts = null } },
            p => p.Step2ck?.Score is not null, ["step2-attempts", "step2ckattempts"]),

        new("step3", "Step 3",
            "Have you **passed Step 3**? Answer _yes_ (add the score if you like, e.g. _yes 221_) or _no_.",
            ["Yes", "No"],
            ReadStep3, p => p.Step3?.Passed switch { true => p.Step3.Score is { } s ? $"passed ({s})" : "passed", false => "not passed", _ => null },
            p => p with { Step3 = null }),

        new("gradyear", "Graduation year",
            "In which **year did you graduate** from medical school (or expect to)?",
            [],
            ReadGraduationYear, p => p.GraduationYear?.ToString(), p => p with { GraduationYear = null },
            Aliases: ["graduationyear", "yog", "graduation"]),

        new("visa", "Visa",
            "Will you need a **visa** for residency? _None_ (citizen / green card), _J-1_ or _H-1B_.",
            ["None", "J-1", "H-1B"],
            ReadVisa, p => p.Visa switch { VisaNeed.None => "none needed", VisaNeed.J1 => "J-1", VisaNeed.H1B => "H-1B", _ => null },
            p => p with { Visa = null }),

        new("usce", "US clinical experience",
            "How many **months of US clinical experience** (USCE) do you have? _0_ is a fine answer.",
            ["0", "3", "6", "12"],
            (p, t, _) => Readers.Months(t, n => p with { Usce = (p.Usce ?? new()) with { Months = n } }),
            p => p.Usce?.Months is { } m ? $"{m} months" : null, p => p with { Usce = null },
            Aliases: ["usce-months", "usceMonths"]),

        new("handson", "Hands-on USCE",
            "Was any of it **hands-on** (clerkship, externship, sub-internship), not only observership?",
            ["Yes", "No"],
            (p, t, _) => Readers.YesNo(t, "was any of your USCE hands-on?", b => p with { Usce = (p.Usce ?? new()) with { HandsOn = b } }),
            p => YesNoText(p.Usce?.HandsOn), p => p with { Usce = p.Usce is null ? null : p.Usce with { HandsOn = null } },
            p => p.Usce?.Months > 0, ["hands-on", "usce-handson"]),

        new("usceca", "USCE in California",
            "Was any of your USCE **in California**?",
            ["Yes", "No"],
            (p, t, _) => Readers.YesNo(t, "was any of your USCE in California?", b => p with { Usce = (p.Usce ?? new()) with { InCalifornia = b } }),
            p => YesNoText(p.Usce?.InCalifornia), p => p with { Usce = p.Usce is null ? null : p.Usce with { InCalifornia = null } },
            p => p.Usce?.Months > 0, ["usce-ca", "usce-california"]),

        new("letters", "US letters",
            "How many **letters of recommendation from US physicians** do you have?",
            ["0", "1", "2", "3", "4"],
            (p, t, _) => Readers.Number(t, "The number of letters", 0, ProfileValidator.MaxLetters, n => p with { Letters = (p.Letters ?? new()) with { Us = n } }),
            p => p.Letters?.Us?.ToString(), p => p with { Letters = null }, Aliases: ["letters-us", "lors"]),

        new("lettersspecialty", "Letters in specialty",
            "How many of those letters are **from your chosen specialty**?",
            ["0", "1", "2", "3"],
            ReadLettersInSpecialty, p => p.Letters?.InSpecialty?.ToString(), p => p with { Letters = p.Letters is null ? null : p.Letters with { InSpecialty = null } },
            p => p.Letters?.Us > 0, ["letters-specialty"]),

        new("lettersca", "California letters",
            "How many are **from physicians in California**?",
            ["0", "1", "2", "3"],
            ReadLettersCalifornia, p => p.Letters?.California?.ToString(), p => p with { Letters = p.Letters is null ? null : p.Letters with { California = null } },
            p => p.Letters?.Us > 0, ["letters-ca", "letters-california"]),

        new("languages", "Languages",
            "Which **languages besides English** do you speak well enough to use with patients? (e.g. _Spanish, Tagalog_, or _none_)",
            ["Spanish", "None"],
            ReadLanguages, p => p.Languages is null ? null : p.Languages.Count == 0 ? "English only" : string.Join(", ", p.Languages),
            p => p with { Languages = null }, Aliases: ["language"]),

        new("publications", "Publications",
            "How many **publications** do you have (peer-reviewed papers; 0 is fine)?",
            ["0", "1", "2", "5"],
            (p, t, _) => Readers.Number(t, "The number of publications", 0, ProfileValidator.MaxPublications, n => p with { Research = new ResearchInfo(n) }),
            p => p.Research?.Publications?.ToString(), p => p with { Research = null }, Aliases: ["research", "pubs"]),

        new("regions", "Preferred regions",
            "Where would you like to train? Pick one or more regions, separated by commas.",
            [.. Vocabulary.Regions.Select(r => r.Label)],
            ReadRegions, p => p.Preferences?.Regions is { Count: > 0 } r ? string.Join(", ", r) : null,
            p => p with { Preferences = p.Preferences is null ? null : p.Preferences with { Regions = null } }, Aliases: ["region"]),

        new("states", "Preferred states",
            "Any **states** you'd also consider? Two-letter codes separated by commas (e.g. _CA, NV, AZ_), or _any_.",
            ["CA", "Any"],
            ReadStates, p => p.Preferences?.States is { } s ? (s.Count == 0 ? "any" : string.Join(", ", s)) : null,
            p => p with { Preferences = p.Preferences is null ? null : p.Preferences with { States = null } }, Aliases: ["state"]),
    ];

    public static IntakeStep? Find(string idOrAlias) => Steps.FirstOrDefault(s => s.Matches(idOrAlias.Trim()));

    private static ParseResult ReadSpecialties(ApplicantProfile p, string text, IntakeContext context)
    {
        var names = new List<string>();

        // Names may contain "/", "&" and "and" (Internal Medicine/Pediatrics, PM&R): try each comma-separated item
        // whole before splitting it further.
        foreach (var item in text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var found = Vocabulary.Specialty(item) is { } whole ? [whole] : AnswerReader.List(item).Select(Vocabulary.Specialty).ToList();
            if (found.Count == 0 || found.Contains(null))
            {
                return ParseResult.Reject($"I don't know the specialty \"{Messaging.Markup.Escape(Trim(item))}\". Try a name like _Internal Medicine_, _Family Medicine_, _Pediatrics_ or _Psychiatry_.");
            }

            names.AddRange(found.OfType<string>().Where(n => !names.Contains(n)));
        }

        return names.Count == 0
            ? ParseResult.Reject("Please name at least one specialty, e.g. _Internal Medicine_.")
            : ParseResult.Success(p with { Specialties = names });
    }

    private static ParseResult ReadType(ApplicantProfile p, string text, IntakeContext context)
    {
        var t = AnswerReader.Normalize(text).Replace("-", " ", StringComparison.Ordinal);
        ApplicantType? type = t switch
        {
            _ when t.Contains("not", StringComparison.Ordinal) => ApplicantType.NonUsImg,
            "us img" or "usimg" or "us" or "us citizen" or "citizen" or "green card" or "permanent resident" => ApplicantType.UsImg,
            "non us img" or "nonus img" or "non us" or "non usimg" or "international" or "foreign" => ApplicantType.NonUsImg,
            _ when t.Contains("non", StringComparison.Ordinal) => ApplicantType.NonUsImg,
            _ when t.Contains("us img", StringComparison.Ordinal) || t.Contains("citizen", StringComparison.Ordinal) => ApplicantType.UsImg,
            _ => null,
        };
        return type is null
            ? ParseResult.Reject("Please answer _US-IMG_ (US citizen or permanent resident who studied abroad) or _Non-US IMG_.")
            : ParseResult.Success(p with { ApplicantType = type });
    }

    private static ParseResult ReadStep1(ApplicantProfile p, string text, IntakeContext context)
    {
        var t = AnswerReader.Normalize(text);
        var current = p.Step1 ?? new Step1Info();
        var hasScore = AnswerReader.ScoreNumber(text) is >= 100;

        // "failed once, passed on the 2nd" is a pass (the attempts question follows); a three-digit number is a score.
        if (!hasScore && (t.Contains("pass", StringComparison.Ordinal) || t is "p" or "yes"))
        {
            return ParseResult.Success(p with { Step1 = current with { Result = Step1Result.Pass, Score = null } });
        }

        if (!hasScore && t.Contains("fail", StringComparison.Ordinal))
        {
            return ParseResult.Success(p with { Step1 = current with { Result = Step1Result.Fail, Score = null } });
        }

        if (AnswerReader.LastNumber(text) is null)
        {
            return ParseResult.Reject("Please answer _Pass_, _Fail_, or a three-digit Step 1 score such as _212_.");
        }

        return Readers.Score(text, "Step 1", n => p with { Step1 = current with { Result = Step1Result.Score, Score = n } });
    }

    private static string? ShowStep1(ApplicantProfile p) => p.Step1?.Result switch
    {
        Step1Result.Pass => "Pass",
        Step1Result.Fail => "Fail",
        Step1Result.Score => p.Step1.Score?.ToString(),
        _ => null,
    };

    private static ParseResult ReadStep3(ApplicantProfile p, string text, IntakeContext context)
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

    private static ParseResult ReadGraduationYear(ApplicantProfile p, string text, IntakeContext context)
    {
        var max = context.CurrentYear + 2;
        return Readers.Number(text, "The graduation year", ProfileValidator.MinGraduationYear, max, n => p with { GraduationYear = n });
    }

    private static ParseResult ReadVisa(ApplicantProfile p, string text, IntakeContext context)
    {
        var t = AnswerReader.Normalize(text).Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        VisaNeed? visa = t switch
        {
            "none" or "no" or "novisa" or "nope" or "citizen" or "uscitizen" or "greencard" or "permanentresident" or "pr" or "gc" or "n/a" or "na" => VisaNeed.None,
            "j1" or "j" or "jvisa" or "j1visa" or "ecfmgj1" => VisaNeed.J1,
            "h1b" or "h1" or "h" or "h1bvisa" => VisaNeed.H1B,
            _ => null,
        };
        return visa is null
            ? ParseResult.Reject("Please answer _None_, _J-1_ or _H-1B_. (If either visa would do, pick _J-1_: far more programs sponsor it.)")
            : ParseResult.Success(p with { Visa = visa });
    }

    private static ParseResult ReadLettersInSpecialty(ApplicantProfile p, string text, IntakeContext context)
    {
        var max = p.Letters?.Us ?? ProfileValidator.MaxLetters;
        return Readers.Number(text, "Letters in your specialty (at most your US letters)", 0, max, n => p with { Letters = (p.Letters ?? new()) with { InSpecialty = n } });
    }

    private static ParseResult ReadLettersCalifornia(ApplicantProfile p, string text, IntakeContext context)
    {
        var max = p.Letters?.Us ?? ProfileValidator.MaxLetters;
        return Readers.Number(text, "California letters (at most your US letters)", 0, max, n => p with { Letters = (p.Letters ?? new()) with { California = n } });
    }

    private static ParseResult ReadLanguages(ApplicantProfile p, string text, IntakeContext context)
    {
        var t = AnswerReader.Normalize(text);
        if (t is "none" or "no" or "english" or "english only" or "only english" or "0")
        {
            return ParseResult.Success(p with { Languages = [] });
        }

        var items = AnswerReader.List(text)
            .Where(i => !string.Equals(i, "English", StringComparison.OrdinalIgnoreCase))
            .Select(i => Trim(i))
            .ToList();
        if (items.Count == 0 || items.Any(i => !i.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'')))
        {
            return ParseResult.Reject("Please list languages by name, separated by commas (e.g. _Spanish, Arabic_), or send _none_.");
        }

        return ParseResult.Success(p with { Languages = items.Select(i => char.ToUpperInvariant(i[0]) + i[1..].ToLowerInvariant()).Distinct().ToList() });
    }

    private static ParseResult ReadRegions(ApplicantProfile p, string text, IntakeContext context)
    {
        var codes = new List<string>();
        foreach (var item in AnswerReader.List(text))
        {
            var code = Vocabulary.Region(item);
            if (code is null)
            {
                var known = string.Join(", ", Vocabulary.Regions.Select(r => r.Label));
                return ParseResult.Reject($"I don't know the region \"{Messaging.Markup.Escape(Trim(item))}\". Choose from: {known}.");
            }

            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        return codes.Count == 0
            ? ParseResult.Reject("Please pick at least one region, or _Anywhere in the US_.")
            : ParseResult.Success(p with { Preferences = (p.Preferences ?? new()) with { Regions = codes } });
    }

    private static ParseResult ReadStates(ApplicantProfile p, string text, IntakeContext context)
    {
        var t = AnswerReader.Normalize(text);
        if (t is "any" or "anywhere" or "all" or "none" or "no")
        {
            return ParseResult.Success(p with { Preferences = (p.Preferences ?? new()) with { States = [] } });
        }

        var states = new List<string>();
        foreach (var item in AnswerReader.List(text))
        {
            var code = Vocabulary.State(item);
            if (code is null)
            {
                return ParseResult.Reject($"\"{Messaging.Markup.Escape(Trim(item))}\" isn't a US state code I know. Use two letters like _CA_ or _NY_, or send _any_.");
            }

            if (!states.Contains(code))
            {
                states.Add(code);
            }
        }

        return ParseResult.Success(p with { Preferences = (p.Preferences ?? new()) with { States = states } });
    }

    private static string? YesNoText(bool? value) => value switch { true => "yes", false => "no", _ => null };

    private static string Trim(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
