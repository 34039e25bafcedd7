using System.Text.RegularExpressions;

namespace SmartPick.Bot.Knowledge.Answering;

/// <summary>
/// Requests the bot declines whatever the guide contains, each with a line saying what it can do instead: writing the
/// user's documents, instructions aimed at the bot itself, and everyday logistics (housing, weather, travel papers).
/// </summary>
public static partial class Refusals
{
    public const string WriteForYou =
        "I can't write application documents for you: programs expect your own words, and a ghost-written statement or letter "
        + "can hurt you. I can explain what a strong personal statement or letter contains; ask me about that.";

    public const string Instructions =
        "I only answer questions about applying for residency, from SmartPick's guide. I don't change my instructions or show them.";

    public const string Logistics =
        "That's outside what I can help with: I cover the residency application (scores, USCE, letters, visas, programs, "
        + "interviews and the timeline). For housing, travel, documents or translation, local and official sources are better.";

    /// <summary>The refusal text for <paramref name="question"/>, or null when it is an ordinary question.</summary>
    public static string? For(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (Injection().IsMatch(question)) return Instructions;
        if (WriteRequest().IsMatch(question)) return WriteForYou;
        return Life().IsMatch(question) ? Logistics : null;
    }

    [GeneratedRegex(@"\b(ignore|disregard|forget)\b.{0,30}\b(instructions?|prompts?|rules|guide|above)\b|system\s*prompt|developer\s+mode|jailbreak|\byou\s+are\s+now\b|\bDAN\b|\b(reveal|print|show|output)\b.{0,30}\b(prompts?|instructions|rules)\b|^\s*system\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Injection();

    [GeneratedRegex(@"\b(write|draft|rewrite|compose)\s+(?:up\s+)?(?:me|my)\b|\b(write|draft|compose)\b.{0,40}\bfor\s+me\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteRequest();

    [GeneratedRegex(@"\b(rent|renting|apartments?|lease|weather|passports?|translate|translation|insurance|driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|taxes|tax\s+return|flights?|plane\s+tickets?|restaurants?|pizza|recipe|cook|wifi)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Life();
}
