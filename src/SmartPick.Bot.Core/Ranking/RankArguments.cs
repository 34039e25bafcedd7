using System.Globalization;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking.Catalog;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>
/// Reads "/rank IM all of California h1b 20 page 2": phrases of up to three words are tried as a specialty, a region, a
/// state, a visa; filler words are skipped; anything else is returned as unknown so the reply can say so instead of
/// silently showing the default list.
/// </summary>
public static class RankArguments
{
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "of", "in", "the", "programs", "program", "show", "me", "which", "that", "sponsor", "sponsors", "sponsoring", "visa", "visas",
        "and", "or", "for", "near", "around", "top", "list", "rank", "best", "with", "please", "state", "area", "anywhere",
    };

    public sealed record Parsed(RankRequest Request, IReadOnlyList<string> Unknown, int? AskedFor);

    public static Parsed Read(string arguments, RankRequest start, int maxListed)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(start);
        var r = start;
        int? asked = null;
        var unknown = new List<string>();
        var words = arguments.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Equals("page", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Length && Number(words[i + 1]) is { } page and >= 1)
            {
                r = r with { Page = page }; // the "More" button: "/rank IM socal page 2"
                i++;
                continue;
            }

            if (r.Top is null && Number(words[i]) is { } count)
            {
                asked = count;
                r = r with { Top = Math.Clamp(count, 1, maxListed) };
                continue;
            }

            var used = Phrase(words, i, ref r);
            if (used > 0)
            {
                i += used - 1;
            }
            else if (!Filler.Contains(words[i]))
            {
                unknown.Add(words[i]);
            }
        }

        return new Parsed(r, unknown, asked);
    }

    /// <summary>"I don't know 'dermatology' — did you mean …? Known: …".</summary>
    public static string Unknown(IReadOnlyList<string> words, IReadOnlyList<string> specialties)
    {
        ArgumentNullException.ThrowIfNull(words);
        var first = words[0];
        var known = specialties.Concat(Vocabulary.Regions.Select(x => x.Label)).Append("California").ToList();
        var near = known.Select(k => (k, d: EditDistance.Between(first.ToLowerInvariant(), k.ToLowerInvariant()))).Where(x => x.d <= Math.Max(2, first.Length / 3))
            .OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();
        var mean = near is null ? string.Empty : $" — did you mean {Markup.Escape(near)}?";
        return $"I don't know '{Markup.Escape(string.Join(' ', words))}'{mean} Known specialties: {Markup.Escape(string.Join(", ", specialties))}. "
            + "Areas: SoCal, LA, OC, SD, IE, VSB, CV, or a state (CA, California, NY…). Visa: h1b or j1. A number sets how many programs to list.";
    }

    private static int Phrase(string[] words, int i, ref RankRequest r)
    {
        for (var n = Math.Min(3, words.Length - i); n >= 1; n--)
        {
            var text = string.Join(' ', words, i, n);
            if (text.Equals("all of california", StringComparison.OrdinalIgnoreCase) || (n == 1 && text.Equals("ca", StringComparison.OrdinalIgnoreCase)))
            {
                r = r with { State = "CA" };
                return n;
            }

            if (Visa(text) is { } visa)
            {
                r = r with { Visa = visa };
                return n;
            }

            if (r.Specialty is null && Vocabulary.Specialty(text) is { } sp && (n > 1 || !Filler.Contains(text)))
            {
                r = r with { Specialty = sp };
                return n;
            }

            if (r.Region is null && Vocabulary.Region(text) is { } rg)
            {
                r = r with { Region = rg }; // before states: "LA" and "SD" mean Los Angeles and San Diego here
                return n;
            }

            if (r.State is null && Vocabulary.State(text) is { } st)
            {
                r = r with { State = st };
                return n;
            }

            if (n > 1 && Vocabulary.Specialty(text) is not null && r.Specialty is not null)
            {
                return n; // the same specialty said twice ("Internal Medicine" in a More button after "IM")
            }
        }

        return 0;
    }

    private static VisaSupport? Visa(string text) => text.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "H1B" or "H1" or "H1B VISA" => VisaSupport.H1B,
        "J1" or "J1 VISA" => VisaSupport.J1,
        _ => null,
    };

    private static int? Number(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
