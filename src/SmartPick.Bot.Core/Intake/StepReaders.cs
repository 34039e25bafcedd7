using SmartPick.Bot.Core.Intake.Reading;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>The intake table's readers and display functions, one per question.</summary>
internal static partial class StepReaders
{
    public static ParseResult ReadSpecialties(ApplicantProfile p, string text, IntakeContext context)
    {
        var names = new List<string>();

        // Names may contain "/", "&" and "and" (Internal Medicine/Pediatrics, PM&R): try each comma-separated item
        // whole before splitting it further.
        foreach (var item in text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var found = Vocabulary.Specialty(item) is { } whole ? [whole] : AnswerReader.List(item).Select(Vocabulary.Specialty).ToList();
            if (found.Count == 0 || found.Contains(null))
            {
                return ParseResult.Reject($"I don't know the specialty \"{Markup.Escape(Trim(item))}\". Try a name like _Internal Medicine_, _Family Medicine_, _Pediatrics_ or _Psychiatry_.");
            }

            names.AddRange(found.OfType<string>().Where(n => !names.Contains(n)));
        }

        return names.Count == 0
            ? ParseResult.Reject("Please name at least one specialty, e.g. _Internal Medicine_.")
            : ParseResult.Success(p with { Specialties = names });
    }

    public static ParseResult ReadType(ApplicantProfile p, string text, IntakeContext context)
    {
        var facts = FactReader.Read(text, context).Profile;
        if (facts.ApplicantType is null)
        {
            var t = AnswerReader.Normalize(text).Replace("-", " ", StringComparison.Ordinal);
            ApplicantType? type = t switch
            {
                "us" or "american" => ApplicantType.UsImg,
                "international" or "foreign" or "img" or "non us" => ApplicantType.NonUsImg,
                _ => null,
            };
            if (type is null)
            {
                return ParseResult.Reject("Please answer _US citizen_, _Green card holder_ or _Non-US IMG_ (with the visa you need, e.g. _Non-US IMG, need J-1_).");
            }

            facts = facts with { ApplicantType = type, Visa = type == ApplicantType.UsImg ? VisaNeed.None : facts.Visa };
        }

        return ParseResult.Success(p with { ApplicantType = facts.ApplicantType, Visa = facts.Visa ?? p.Visa });
    }

    public static ParseResult ReadVisa(ApplicantProfile p, string text, IntakeContext context)
    {
        var t = AnswerReader.Normalize(text).Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        VisaNeed? visa = t switch
        {
            "none" or "no" or "novisa" or "nope" or "n/a" or "na" or "0" => VisaNeed.None,
            "j1" or "j" or "jvisa" or "j1visa" or "ecfmgj1" => VisaNeed.J1,
            "h1b" or "h1" or "h" or "h1bvisa" => VisaNeed.H1B,
            _ => FactReader.Read(text, context).Profile.Visa,
        };
        return visa is null
            ? ParseResult.Reject("Please answer _None_, _J-1_ or _H-1B_. (If either visa would do, pick _J-1_: far more programs sponsor it.)")
            : ParseResult.Success(p with { Visa = visa });
    }

    /// <summary>"First attempt" → 1, "failed once, then passed" → 2, "twice" → 3, or a number of attempts.</summary>

    public static ParseResult ReadUsce(ApplicantProfile p, string text, IntakeContext context)
    {
        var t = AnswerReader.Normalize(text);
        var facts = FactReader.Read(text, context).Profile.Usce;
        if (facts is not null)
        {
            var current = p.Usce ?? new UsceInfo();
            return ParseResult.Success(p with
            {
                Usce = new UsceInfo(facts.Months ?? current.Months, facts.HandsOn ?? current.HandsOn, facts.InCalifornia ?? current.InCalifornia),
            });
        }

        return Readers.Months(t, n => p with { Usce = (p.Usce ?? new()) with { Months = n } });
    }

    public static ParseResult YesNo(string text, string question, Func<bool, ApplicantProfile> apply) => Readers.YesNo(text, question, apply);

    public static string? YesNoText(bool? value) => value switch { true => "yes", false => "no", _ => null };

    public static ParseResult ReadLetters(ApplicantProfile p, string text, IntakeContext context)
    {
        var facts = FactReader.Read(text, context).Profile.Letters;
        if (facts?.Us is not null)
        {
            return ParseResult.Success(p with { Letters = facts });
        }

        return Count(text, "The number of letters", 0, ProfileValidator.MaxLetters, n => p with { Letters = (p.Letters ?? new()) with { Us = n } });
    }

    public static ParseResult ReadLettersInSpecialty(ApplicantProfile p, string text, IntakeContext context) =>
        Count(text, "Letters in your specialty (at most your US letters)", 0, p.Letters?.Us ?? ProfileValidator.MaxLetters, n => p with { Letters = (p.Letters ?? new()) with { InSpecialty = n } });

    public static ParseResult ReadLettersCalifornia(ApplicantProfile p, string text, IntakeContext context) =>
        Count(text, "California letters (at most your US letters)", 0, p.Letters?.Us ?? ProfileValidator.MaxLetters, n => p with { Letters = (p.Letters ?? new()) with { California = n } });

    public static ParseResult ReadExtras(ApplicantProfile p, string text, IntakeContext context)
    {
        var t = AnswerReader.Normalize(text);
        if (t is "none" or "no" or "nothing" or "neither" or "0")
        {
            return ParseResult.Success(p with { Languages = [], Research = new ResearchInfo(0) });
        }

        var facts = FactReader.Read(text, context).Profile;
        if (facts.Languages is null && facts.Research is null)
        {
            var asLanguages = ReadLanguages(p, text, context);
            return asLanguages.Ok
                ? asLanguages
                : ParseResult.Reject("Please list languages besides English and your number of publications, e.g. _Spanish, 2 publications_, or send _none_.");
        }

        return ParseResult.Success(p with { Languages = facts.Languages ?? p.Languages, Research = facts.Research ?? p.Research });
    }

    public static string? ShowExtras(ApplicantProfile p) =>
        p.Languages is null && p.Research is null ? null : $"{(p.Languages is { Count: > 0 } l ? string.Join(", ", l) : "English only")}, {p.Research?.Publications ?? 0} publications";

    public static ParseResult ReadLanguages(ApplicantProfile p, string text, IntakeContext context)
    {
        var t = AnswerReader.Normalize(text);
        if (t is "none" or "no" or "english" or "english only" or "only english" or "0")
        {
            return ParseResult.Success(p with { Languages = [] });
        }

        var items = AnswerReader.List(text)
            .Where(i => !string.Equals(i, "English", StringComparison.OrdinalIgnoreCase))
            .Select(Trim)
            .ToList();
        if (items.Count == 0 || items.Any(i => !i.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'')))
        {
            return ParseResult.Reject("Please list languages by name, separated by commas (e.g. _Spanish, Arabic_), or send _none_.");
        }

        return ParseResult.Success(p with { Languages = items.Select(i => char.ToUpperInvariant(i[0]) + i[1..].ToLowerInvariant()).Distinct().ToList() });
    }

    /// <summary>A count in digits or words ("two", "none"), within a range.</summary>

    public static ParseResult Count(string text, string what, int min, int max, Func<int, ApplicantProfile> apply)
    {
        var word = Words.Count(AnswerReader.Normalize(text));
        if (word is { } n)
        {
            return n < min || n > max
                ? ParseResult.Reject($"{what} must be between {min} and {max}; I read {n}. Could you check and send it again?")
                : ParseResult.Success(apply(n));
        }

        return Readers.Number(text, what, min, max, apply);
    }

    public static ParseResult ReadRegions(ApplicantProfile p, string text, IntakeContext context)
    {
        var codes = new List<string>();
        var states = new List<string>();
        foreach (var item in AnswerReader.List(text))
        {
            // Regions first: "LA" and "SD" mean Los Angeles and San Diego here.
            if (Vocabulary.Region(item) is { } code)
            {
                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
            else if (Vocabulary.State(item) is { } state)
            {
                if (!states.Contains(state))
                {
                    states.Add(state);
                }
            }
            else
            {
                var known = string.Join(", ", Vocabulary.Regions.Select(r => r.Label));
                return ParseResult.Reject($"I don't know the region \"{Markup.Escape(Trim(item))}\". Choose from: {known}, or send state codes like _CA, NV_.");
            }
        }

        if (codes.Count == 0 && states.Count == 0)
        {
            return ParseResult.Reject("Please pick at least one region, or _Anywhere in the US_.");
        }

        var preferences = p.Preferences ?? new();
        return ParseResult.Success(p with
        {
            Preferences = preferences with
            {
                Regions = codes.Count > 0 ? codes : preferences.Regions ?? (states.Contains("CA") ? null : ["Anywhere"]),
                States = states.Count > 0 ? states : preferences.States,
            },
        });
    }

    public static ParseResult ReadStates(ApplicantProfile p, string text, IntakeContext context)
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
                return ParseResult.Reject($"\"{Markup.Escape(Trim(item))}\" isn't a US state code I know. Use two letters like _CA_ or _NY_, or send _any_.");
            }

            if (!states.Contains(code))
            {
                states.Add(code);
            }
        }

        return ParseResult.Success(p with { Preferences = (p.Preferences ?? new()) with { States = states } });
    }

    public static ParseResult ReadConnections(ApplicantProfile p, string text, IntakeContext context)
    {
        var rotations = new List<string>();
        var writers = new List<string>();
        foreach (var part in text.Split([';', '.', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lower = part.ToLowerInvariant();
            var target = lower.Contains("letter", StringComparison.Ordinal) || lower.Contains("writer", StringComparison.Ordinal) || lower.Contains("lor", StringComparison.Ordinal)
                ? writers
                : rotations;
            var names = Reading.ConnectionNames.Split(part);
            target.AddRange(names.Where(n => !target.Contains(n, StringComparer.OrdinalIgnoreCase)));
        }

        return rotations.Count == 0 && writers.Count == 0
            ? ParseResult.Reject("Please name the programs or hospitals, e.g. _rotated at Kern Medical; letters from UC Riverside_, or send _skip_.")
            : ParseResult.Success(p with { Connections = new ConnectionsInfo(rotations.Count > 0 ? rotations : p.Connections?.Rotations, writers.Count > 0 ? writers : p.Connections?.LetterWriters) });
    }

    public static string? ShowConnections(ApplicantProfile p)
    {
        var c = p.Connections;
        if (c is null || (c.Rotations is not { Count: > 0 } && c.LetterWriters is not { Count: > 0 }))
        {
            return null;
        }

        var parts = new List<string>();
        if (c.Rotations is { Count: > 0 } r)
        {
            parts.Add("rotated at " + string.Join(", ", r));
        }

        if (c.LetterWriters is { Count: > 0 } w)
        {
            parts.Add("letters from " + string.Join(", ", w));
        }

        return string.Join("; ", parts);
    }

    private static string Trim(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
