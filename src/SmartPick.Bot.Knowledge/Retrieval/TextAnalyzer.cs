using System.Text.RegularExpressions;

namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// Shared by documents and queries so both sides agree: domain spellings are normalised (H-1B, H1B and "h 1 b" are
/// one token "h1b"; "Step 2 CK" becomes "step2 ck"; IM/FM/TY abbreviations are spelled out), text is lower-cased and
/// split into letter/digit tokens. A light suffix stemmer serves coverage and sentence scoring; FTS5 itself uses
/// the porter tokenizer.
/// </summary>
public static partial class TextAnalyzer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before",
        "being", "best", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "for", "from", "get",
        "gets", "getting", "got", "had", "has", "have", "having", "he", "her", "here", "his", "how", "i", "if", "in",
        "into", "is", "it", "its", "just", "know", "like", "ll", "m", "make", "me", "might", "more", "most", "much",
        "my", "need", "no", "not", "of", "on", "one", "or", "our", "please", "re", "really", "s", "she", "should",
        "so", "some", "still", "t", "tell", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "thing", "things", "this", "those", "to", "too", "ve", "very", "want", "was", "way", "we", "were", "what",
        "whats", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your", "d", "im", "hi",
        "hello", "thanks", "ok", "okay", "someone", "anyone", "there", "mean", "means", "good", "bad", "worth",
        "go", "going", "vs", "versus", "yes", "each", "other", "lot", "lots", "use", "used", "say", "said",
        "us", "u", "s", "wat", "wut", "pls", "plz", "ur", "idk", "literally", "basically", "actually", "even", "guys",
        // Chat filler: says nothing about the topic, so it must neither steer retrieval nor count against a question.
        "stuff", "lol", "lmao", "cooked", "legit", "bro", "bruh", "nah", "yeah", "ya", "yo", "tbh", "imo", "omg", "btw", "rn",
        "kinda", "gonna", "wanna", "hey", "help", "question", "anybody", "true", "right", "possible", "realistic", "lost",
        "exactly", "pretty", "super", "guy", "friend", "dude", "someone", "sure", "r", "n", "da", "ppl",
        "people", "now", "what", "whats", "tho", "though", "etc", "any", "ok", "am", "i'm", "summary", "tips", "info",
    };

    /// <summary>Normalises domain spellings and lower-cases.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = Abbreviations().Replace(text, m => m.Value switch
        {
            "IM" => " internal medicine ",
            "FM" => " family medicine ",
            "TY" => " transitional year ",
            "PS" => " personal statement ",
            "PD" or "PDs" => " program director ",
            "EM" => " emergency medicine ",
            "OB" => " obstetrics gynecology ",
            "LOR" or "LORs" or "LoR" or "LoRs" => " letters recommendation ",
            "U.S." or "US" or "USA" => " usa ",
            _ => m.Value,
        });
        t = t.ToLowerInvariant();
        t = H1b().Replace(t, " h1b ");
        t = J1().Replace(t, " j1 ");
        t = StepN().Replace(t, m => $" step{m.Groups[1].Value} ");
        t = Ck2().Replace(t, " step2 ck ");
        t = SoCal().Replace(t, " southern california ");
        return t;
    }

    /// <summary>Lower-case letter/digit tokens of normalised text (stop words kept).</summary>
    public static IEnumerable<string> Tokenize(string text) =>
        Token().Matches(Normalize(text)).Select(m => m.Value);

    /// <summary>Tokens worth searching for: no stop words, no single characters.</summary>
    public static IReadOnlyList<string> ContentTokens(string text) =>
        Tokenize(text).Where(IsContent).ToList();

    public static bool IsContent(string token) => token.Length > 1 && !StopWords.Contains(token);

    /// <summary>The stems of a query term; a phrase term ("emergency medicine") has one per word.</summary>
    public static IReadOnlyList<string> Stems(string term) =>
        term.Contains(' ', StringComparison.Ordinal) ? term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Stem).ToList() : [Stem(term)];

    /// <summary>Very light stemmer (plural, -ing, -ed); good enough to compare query words with sentences.</summary>
    public static string Stem(string token)
    {
        if (token.Length <= 3 || token.Any(char.IsDigit))
        {
            return token;
        }

        if (token.EndsWith("ies", StringComparison.Ordinal) && token.Length > 4)
        {
            return token[..^3] + "y";
        }

        if (token.EndsWith("ing", StringComparison.Ordinal) && token.Length > 5)
        {
            return token[..^3];
        }

        if (token.EndsWith("ed", StringComparison.Ordinal) && token.Length > 4)
        {
            return token[..^2];
        }

        if (token.EndsWith("es", StringComparison.Ordinal) && token.Length > 4 && "sxz".Contains(token[^3], StringComparison.Ordinal))
        {
            return token[..^2];
        }

        if (token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal) && !token.EndsWith("us", StringComparison.Ordinal) && !token.EndsWith("is", StringComparison.Ordinal))
        {
            return token[..^1];
        }

        return token;
    }

    [GeneratedRegex(@"\b(IM|FM|TY|PS|PDs?|EM|OB|LORs?|LoRs?|US|USA)\b|\bU\.S\.")]
    private static partial Regex Abbreviations();

    [GeneratedRegex(@"\bh[\s-]?1[\s-]?b\b")]
    private static partial Regex H1b();

    [GeneratedRegex(@"\bj[\s-]?1\b")]
    private static partial Regex J1();

    [GeneratedRegex(@"\bstep[\s-]*([123])\b")]
    private static partial Regex StepN();

    [GeneratedRegex(@"\bstep2\s*ck\b|\b2\s*ck\b|\bstep2ck\b")]
    private static partial Regex Ck2();

    [GeneratedRegex(@"\bso[\s-]?cal\b")]
    private static partial Regex SoCal();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Token();
}
