using System.Globalization;
using System.Text.RegularExpressions;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake.Reading;

/// <summary>
/// Deterministic reading of profile facts from free text (no LLM): exam results, graduation year, visa and status,
/// months of US clinical experience, letters, languages, publications and specialties. Reads only what is said with
/// enough context ("238 on ck", "graduated 2019", "3 letters"); a bare number means nothing here.
/// </summary>
public static partial class FactReader
{
    private static readonly string[] KnownLanguages =
    [
        "Spanish", "Tagalog", "Filipino", "Hindi", "Urdu", "Arabic", "Mandarin", "Cantonese", "Chinese", "Korean", "Vietnamese", "Farsi", "Persian",
        "Punjabi", "Russian", "Armenian", "Portuguese", "French", "Bengali", "Gujarati", "Tamil", "Telugu", "Malayalam", "Japanese", "Hebrew",
        "Turkish", "Ukrainian", "Polish", "Italian", "German", "Amharic", "Somali", "Swahili", "Nepali", "Haitian Creole", "Marathi", "Kannada",
    ];

    public static FactSheet Read(string text, IntakeContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var sheet = new FactSheet();
        var t = Clean(text);
        ExamReader.Read(t, sheet);
        Status(t, sheet);
        GraduationYear(t, context, sheet);
        Usce(t, sheet);
        Letters(t, sheet);
        Publications(t, sheet);
        Languages(t, sheet);
        Specialties(t, sheet);
        if (InterviewCount(t) is { } interviews && Words.Count(interviews) is { } n && n <= ProfileValidator.MaxInterviews)
        {
            sheet.Set(p => p with { Interviews = n });
        }

        return sheet;
    }

    /// <summary>"3 interviews", "no interviews yet", "two invites": the count as written, or null.</summary>
    public static string? InterviewCount(string text)
    {
        var m = Interviews().Match(text.ToLowerInvariant());
        return m.Success ? m.Groups["n"].Value : null;
    }

    /// <summary>Lower case, dashes and curly quotes made plain, "correct X not Y" reduced to "correct X".</summary>
    internal static string Clean(string text)
    {
        var t = text.ToLowerInvariant().Replace('–', '-').Replace('—', '-').Replace('’', '\'');
        return NotCorrection().Replace(t, string.Empty);
    }

    private static void Status(string t, FactSheet sheet)
    {
        if (GreenCard().IsMatch(t))
        {
            sheet.Set(p => p with { ApplicantType = ApplicantType.NonUsImg, Visa = VisaNeed.None });
            return;
        }

        if (NotCitizen().IsMatch(t) || NonUsImg().IsMatch(t))
        {
            sheet.Set(p => p with { ApplicantType = ApplicantType.NonUsImg });
        }
        else if (Citizen().IsMatch(t) || UsImg().IsMatch(t))
        {
            sheet.Set(p => p with { ApplicantType = ApplicantType.UsImg, Visa = VisaNeed.None });
            return;
        }

        if (J1().IsMatch(t))
        {
            sheet.Set(p => p with { Visa = VisaNeed.J1 });
        }
        else if (H1B().IsMatch(t))
        {
            sheet.Set(p => p with { Visa = VisaNeed.H1B });
        }
        else if (NoVisa().IsMatch(t))
        {
            sheet.Set(p => p with { Visa = VisaNeed.None });
        }
    }

    private static void GraduationYear(string t, IntakeContext context, FactSheet sheet)
    {
        var m = Graduated().Match(t);
        if (!m.Success)
        {
            return;
        }

        var year = int.Parse(m.Groups["y"].Success ? m.Groups["y"].Value : m.Groups["y2"].Value, CultureInfo.InvariantCulture);
        if (year >= ProfileValidator.MinGraduationYear && year <= context.CurrentYear + 2)
        {
            sheet.Set(p => p with { GraduationYear = year });
        }
        else
        {
            sheet.Note($"{year} doesn't look like a graduation year; please check it.");
        }
    }

    private static void Usce(string t, FactSheet sheet)
    {
        var about = UsceWord().IsMatch(t);
        if (NoUsce().IsMatch(t))
        {
            sheet.Set(p => p with { Usce = (p.Usce ?? new UsceInfo()) with { Months = 0 } });
            return;
        }

        if (!about)
        {
            return;
        }

        var m = UsceDuration().Match(t);
        if (m.Success && Words.Count(m.Groups["n"].Value) is { } n)
        {
            var unit = m.Groups["unit"].Value;
            var months = unit.StartsWith('y') ? n * 12 : unit.StartsWith('w') ? (int)Math.Round(n / 4.3) : n;
            if (months <= ProfileValidator.MaxMonths)
            {
                sheet.Set(p => p with { Usce = (p.Usce ?? new UsceInfo()) with { Months = months } });
            }
        }

        if (OnlyObservership().IsMatch(t))
        {
            sheet.Set(p => p with { Usce = (p.Usce ?? new UsceInfo()) with { HandsOn = false } });
        }
        else if (HandsOn().IsMatch(t))
        {
            sheet.Set(p => p with { Usce = (p.Usce ?? new UsceInfo()) with { HandsOn = true } });
        }

        if (NotCalifornia().IsMatch(t))
        {
            sheet.Set(p => p with { Usce = (p.Usce ?? new UsceInfo()) with { InCalifornia = false } });
        }
        else if (InCalifornia().IsMatch(t))
        {
            sheet.Set(p => p with { Usce = (p.Usce ?? new UsceInfo()) with { InCalifornia = true } });
        }
    }

    private static void Letters(string t, FactSheet sheet)
    {
        var m = LetterCount().Match(t);
        if (!m.Success || Words.Count(m.Groups["n"].Value) is not { } us || us > ProfileValidator.MaxLetters)
        {
            return;
        }

        sheet.Set(p => p with { Letters = (p.Letters ?? new LettersInfo()) with { Us = us } });
        var rest = t[(m.Index + m.Length)..];
        if (LettersCalifornia().Match(rest) is { Success: true } ca && Words.Count(ca.Groups["n"].Value) is { } c && c <= us)
        {
            sheet.Set(p => p with { Letters = p.Letters! with { California = c } });
        }

        if (LettersSpecialty().Match(rest) is { Success: true } sp && Words.Count(sp.Groups["n"].Value) is { } s && s <= us)
        {
            sheet.Set(p => p with { Letters = p.Letters! with { InSpecialty = s } });
        }
    }

    private static void Publications(string t, FactSheet sheet)
    {
        var m = PublicationCount().Match(t);
        if (m.Success && Words.Count(m.Groups["n"].Value) is { } n && n <= ProfileValidator.MaxPublications)
        {
            sheet.Set(p => p with { Research = new ResearchInfo(n) });
        }
    }

    private static void Languages(string t, FactSheet sheet)
    {
        if (EnglishOnly().IsMatch(t))
        {
            sheet.Set(p => p with { Languages = [] });
            return;
        }

        var found = KnownLanguages.Where(l => Regex.IsMatch(t, $@"\b{l.ToLowerInvariant()}\b", RegexOptions.CultureInvariant)).ToList();
        if (found.Count > 0)
        {
            sheet.Set(p => p with { Languages = found });
        }
    }

    private static void Specialties(string t, FactSheet sheet)
    {
        var m = SpecialtyIntent().Match(t);
        if (!m.Success)
        {
            return;
        }

        var names = new List<string>();
        foreach (var item in AnswerReader.List(SpecialtyTail().Replace(m.Groups["s"].Value, string.Empty)))
        {
            if (Vocabulary.Specialty(item) is { } name && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        if (names.Count > 0)
        {
            sheet.Set(p => p with { Specialties = names });
        }
    }

    [GeneratedRegex(@"\b(?<n>" + Words.CountPattern + @")\s+(?:interviews?|interview invit(?:e|es|ations?)|invites?|iis?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Interviews();

    [GeneratedRegex(@",?\s*\bnot\s+(?:in\s+)?\d{1,4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotCorrection();

    [GeneratedRegex(@"green\s*card|permanent\s+resident|\bgc\b|\blpr\b|\bpr holder", RegexOptions.CultureInvariant)]
    private static partial Regex GreenCard();

    [GeneratedRegex(@"\bnot (?:a |an )?(?:us |u\.s\. |american )?citizen|\bnon[- ]?citizen|\bforeign national|\binternational (?:student|graduate|applicant|img)", RegexOptions.CultureInvariant)]
    private static partial Regex NotCitizen();

    [GeneratedRegex(@"\bnon[- ]?us[- ]?img\b|\bnon[- ]us\b", RegexOptions.CultureInvariant)]
    private static partial Regex NonUsImg();

    [GeneratedRegex(@"\b(?:us|u\.s\.|american|united states) citizen|\bcitizen\b|\bcitizenship\b", RegexOptions.CultureInvariant)]
    private static partial Regex Citizen();

    [GeneratedRegex(@"(?<!non[- ])\bus[- ]?img\b", RegexOptions.CultureInvariant)]
    private static partial Regex UsImg();

    [GeneratedRegex(@"\bj[- ]?1\b|\bj visa\b|\bj1\b", RegexOptions.CultureInvariant)]
    private static partial Regex J1();

    [GeneratedRegex(@"\bh[- ]?1[- ]?b\b|\bh1\b|\bh visa\b", RegexOptions.CultureInvariant)]
    private static partial Regex H1B();

    [GeneratedRegex(@"\bno visa\b|\b(?:don'?t|do not|dont|won'?t|will not) (?:need|require)(?: a| any)? visa|\bvisa(?: is)? not (?:needed|required)|\bwithout (?:a )?visa|\bvisa:? none\b|\bno sponsorship\b", RegexOptions.CultureInvariant)]
    private static partial Regex NoVisa();

    [GeneratedRegex(@"\b(?:graduated|graduating|graduate|grad|graduation(?: year)?|yog|class of|passed out|finished med school|finished medical school)\b\D{0,25}?(?<y>(?:19|20)\d{2})\b|\b(?<y2>(?:19|20)\d{2})\s*(?:grad|graduate|yog)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Graduated();

    [GeneratedRegex(@"\busce\b|\bus clinical\b|\bclinical experience\b|\brotations?\b|\bexternships?\b|\bclerkships?\b|\bobserverships?\b|\bsub[- ]?i(?:nternships?)?\b|\bhands[- ]?on\b", RegexOptions.CultureInvariant)]
    private static partial Regex UsceWord();

    [GeneratedRegex(@"\bno usce\b|\bno us clinical|\bzero usce\b|\busce:? (?:none|0|zero)\b|\b(?:none|0|zero) (?:months? )?(?:of )?usce\b|\bno clinical experience in the us\b", RegexOptions.CultureInvariant)]
    private static partial Regex NoUsce();

    [GeneratedRegex(@"(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s*(?:-|\s)?(?<unit>months?|mos?\b|weeks?|wks?\b|years?|yrs?\b)", RegexOptions.CultureInvariant)]
    private static partial Regex UsceDuration();

    [GeneratedRegex(@"\bonly observerships?\b|\bobserverships? only\b|\bjust observerships?\b|\bnot hands[- ]?on\b|\bno hands[- ]?on\b|\bonly observ", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyObservership();

    [GeneratedRegex(@"\bhands[- ]?on\b|\bexternships?\b|\bclerkships?\b|\bsub[- ]?i\b|\bsub[- ]?internships?\b|\bclinical rotations?\b|\bcore rotations?\b|\belectives?\b", RegexOptions.CultureInvariant)]
    private static partial Regex HandsOn();

    [GeneratedRegex(@"\b(?:none|nothing|not)\s+(?:of it\s+)?in\s+(?:california|ca|cali)\b|\boutside (?:of )?(?:california|ca)\b|\bno california\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotCalifornia();

    [GeneratedRegex(@"\b(?:in|at)\s+(?:california|ca|cali|socal|los angeles|la|san diego|orange county|riverside|fresno|bakersfield|sacramento|san francisco|oakland|loma linda|irvine)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InCalifornia();

    [GeneratedRegex(@"\b(?<n>" + Words.CountPattern + @")\s+(?:us\s+|u\.s\.\s+|strong\s+|good\s+)?(?:lors?|letters?|recommendation letters?|letters of rec(?:ommendation)?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LetterCount();

    [GeneratedRegex(@"\b(?<n>" + Words.CountPattern + @")\s+(?:are\s+|is\s+)?(?:from|in)\s+(?:california|ca|cali|socal)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LettersCalifornia();

    [GeneratedRegex(@"\b(?<n>" + Words.CountPattern + @")\s+(?:are\s+|is\s+)?(?:from|in)\s+(?:my\s+|the\s+)?(?:specialty|im|internal medicine|fm|family medicine|peds|pediatrics|psych|psychiatry|neuro|neurology|the same specialty|it)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LettersSpecialty();

    [GeneratedRegex(@"\b(?<n>" + Words.CountPattern + @")\s+(?:peer[- ]reviewed\s+|published\s+|research\s+)?(?:publications?|pubs?|papers?|articles?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PublicationCount();

    [GeneratedRegex(@"\b(?:english only|only english|just english|no other languages?|no languages?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishOnly();

    [GeneratedRegex(@"\b(?:applying (?:to|for|in|into)|apply (?:to|for|in)|interested in|want(?:ing)? to (?:do|match (?:in|into))|matching (?:in|into)|my specialty is|specialty:?|going for|aiming for)\s+(?<s>[a-z/&, -]{2,60})", RegexOptions.CultureInvariant)]
    private static partial Regex SpecialtyIntent();

    [GeneratedRegex(@"\s+(?:in|at|with|programs?|residency|residencies)\b.*$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecialtyTail();
}
