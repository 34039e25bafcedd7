using System.Globalization;

namespace SmartPick.Bot.Core.Intake.Reading;

/// <summary>Small counts written as words or digits ("two", "none", "3"), and the message kinds free text falls into.</summary>
public static class Words
{
    private static readonly Dictionary<string, int> Counts = new(StringComparer.Ordinal)
    {
        ["no"] = 0, ["none"] = 0, ["zero"] = 0, ["nil"] = 0, ["a"] = 1, ["an"] = 1, ["one"] = 1, ["single"] = 1, ["two"] = 2, ["a couple"] = 2, ["couple"] = 2,
        ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20,
    };

    private static readonly string[] QuestionStarts =
    [
        "what", "whats", "what's", "how", "is", "are", "am", "can", "could", "should", "would", "will", "do", "does", "did", "which", "when",
        "where", "who", "why", "any", "tell me", "explain", "help me", "is it", "should i",
    ];

    private static readonly HashSet<string> SmallTalkPhrases = new(StringComparer.Ordinal)
    {
        "thanks", "thank you", "thx", "ty", "thank u", "thanks a lot", "thank you so much", "ok", "okay", "k", "kk", "lol", "haha", "cool", "great",
        "nice", "got it", "hmm", "hmmm", "alright", "sounds good", "perfect", "awesome", "wow", "sure thing", "good", "fine", "bye", "see you", "ok thanks",
        "okay thanks", "ok thank you", "cheers", "👍", "🙏", ":)", "oh", "oops", "sorry",
    };

    /// <summary>"two" → 2, "none" → 0, "3" → 3; null otherwise.</summary>
    public static int? Count(string word)
    {
        var w = word.Trim().ToLowerInvariant();
        if (int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        return Counts.TryGetValue(w, out var c) ? c : null;
    }

    /// <summary>The regex alternation for a count: digits or a number word.</summary>
    public const string CountPattern = @"\d{1,3}|no|none|zero|one|an?|two|a couple|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty";

    /// <summary>A question mark, or a message that starts like a question ("is 238 ok for IM").</summary>
    public static bool IsQuestion(string text)
    {
        var t = AnswerReader.Normalize(text);
        if (text.TrimEnd().EndsWith('?'))
        {
            return true;
        }

        return QuestionStarts.Any(q => t.StartsWith(q + " ", StringComparison.Ordinal));
    }

    /// <summary>"thanks", "ok", "lol": answered briefly, never sent to the guide.</summary>
    public static bool IsSmallTalk(string text) => SmallTalkPhrases.Contains(AnswerReader.Normalize(text).TrimEnd('!', '.', ' '));

    /// <summary>Speaks about oneself ("I got…", "my CK is…", "I'm a green card holder") or corrects an answer ("oops…, not…").</summary>
    public static bool IsFirstPerson(string text)
    {
        var t = " " + AnswerReader.Normalize(text).Replace(",", " ", StringComparison.Ordinal) + " ";
        return t.Contains(" i ", StringComparison.Ordinal) || t.Contains(" i'm ", StringComparison.Ordinal) || t.Contains(" im ", StringComparison.Ordinal)
            || t.Contains(" my ", StringComparison.Ordinal) || t.Contains(" i've ", StringComparison.Ordinal) || t.Contains(" ive ", StringComparison.Ordinal)
            || t.Contains(" me ", StringComparison.Ordinal) || t.Contains(" oops ", StringComparison.Ordinal) || t.Contains(" actually ", StringComparison.Ordinal)
            || t.Contains(" got ", StringComparison.Ordinal) || t.Contains(" scored ", StringComparison.Ordinal);
    }
}
