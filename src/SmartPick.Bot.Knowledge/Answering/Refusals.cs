using SmartPick.Bot.Knowledge.Retrieval;

namespace SmartPick.Bot.Knowledge.Answering;

/// <summary>
/// Requests the bot declines whatever the guide contains, each with a line saying what it can do instead: writing the
/// user's documents, instructions aimed at the bot itself, everyday logistics and other countries' systems. Other
/// out-of-scope questions (another profession, small talk) get the ordinary "not covered" answer from retrieval.
/// </summary>
public static class Refusals
{
    public const string WriteForYou =
        "I can't write application documents for you: programs expect your own words, and a ghost-written statement or letter "
        + "can hurt you. I can explain what a strong personal statement or letter contains; ask me about that.";

    public const string Instructions =
        "I only answer questions about applying for residency, from SmartPick's guide. I don't change my instructions or show them.";

    public const string Logistics =
        "That's outside what I can help with: I cover the residency application (scores, USCE, letters, visas, programs, "
        + "interviews and the timeline). For housing, travel, documents or translation, local and official sources are better.";

    public const string Abroad =
        "The guide covers applying to US residency (USMLE, ERAS and the NRMP Match). Other countries' exams, training and "
        + "licensing are outside it; their medical councils are the source for those.";

    /// <summary>The refusal text for <paramref name="question"/>, or null when it is not one of these requests.</summary>
    public static string? For(string question) => Scope.Check(question) switch
    {
        OutOfScope.Instructions => Instructions,
        OutOfScope.WriteForYou => WriteForYou,
        OutOfScope.Logistics => Logistics,
        OutOfScope.Abroad => Abroad,
        _ => null,
    };
}
