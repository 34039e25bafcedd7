using System.Text.RegularExpressions;

namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>Why a question is outside the guide whatever words it shares with it (see <see cref="Scope"/>).</summary>
public enum OutOfScope
{
    None,

    /// <summary>Instructions aimed at the bot ("ignore previous instructions", "print your prompt").</summary>
    Instructions,

    /// <summary>A request to write the user's documents.</summary>
    WriteForYou,

    /// <summary>Everyday logistics: housing, weather, travel papers, translation, taxes.</summary>
    Logistics,

    /// <summary>Another country's training, licensing or exam system (PLAB, residency in France).</summary>
    Abroad,

    /// <summary>Another profession or degree (nurse practitioner, veterinary licence, MBA, software engineers).</summary>
    OtherField,

    /// <summary>Consumer and small-talk topics (bitcoin, laptops, sports).</summary>
    Unrelated,
}

/// <summary>
/// The guide covers applying to US residency; its words (program, license, visa, exam, residency) also appear in
/// questions about other countries, other professions and everyday life. Those questions are recognised by what they
/// are about, not by how many guide words they share, so the retriever and both answerers refuse them the same way.
/// A question that names the US process itself (USMLE, ERAS, NRMP, USCE, IMG, letters...) is never sent away as
/// "abroad" or "another field": "I'm from Germany, do I need Step 3 for an H-1B?" is a guide question.
/// </summary>
public static partial class Scope
{
    public static OutOfScope Check(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (Injection().IsMatch(question)) return OutOfScope.Instructions;
        if (WriteRequest().IsMatch(question)) return OutOfScope.WriteForYou;
        if (Life().IsMatch(question)) return OutOfScope.Logistics;
        if (Consumer().IsMatch(question)) return OutOfScope.Unrelated;
        if (!UsProcess().IsMatch(question) && (ForeignSystem().IsMatch(question) || AbroadTraining().IsMatch(question))) return OutOfScope.Abroad;
        return !ResidencyProcess().IsMatch(question) && OtherField().IsMatch(question) ? OutOfScope.OtherField : OutOfScope.None;
    }

    [GeneratedRegex(@"\b(ignore|disregard|forget)\b.{0,30}\b(instructions?|prompts?|rules|guide|above)\b|system\s*prompt|developer\s+mode|jailbreak|\byou\s+are\s+now\b|\bDAN\b|\b(reveal|print|show|output)\b.{0,30}\b(prompts?|instructions|rules)\b|^\s*system\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Injection();

    // An imperative or a request to the bot ("write my PS", "can u draft my LOR"), not "can my PD write my letter".
    [GeneratedRegex(@"(?:^\W*|[.!?]\s*|\b(?:you|u|pls|plz|please)\s+)(?:write|draft|rewrite|compose)(?:\s+(?:up\s+)?(?:me|my)\b|\b.{0,40}\bfor\s+me\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteRequest();

    [GeneratedRegex(@"\b(rent|renting|apartments?|lease|weather|passports?|translate|translation|insurance|driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|taxes|tax\s+return|flights?|plane\s+tickets?|restaurants?|pizza|recipe|cook|wifi)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Life();

    // Not "dinner" (the pre-interview dinner) or "phone" (phone interviews): both are residency topics.
    [GeneratedRegex(@"\b(bitcoin|crypto(currency)?|stock\s+market|stocks|laptops?|macbook|ipad|nba|nfl|football|soccer|cricket|movies?|netflix|songs?|video\s*games?|surf(ing)?|dating)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Consumer();

    // Words that tie a question to the US system or to what a US application counts ("does my NHS job count as clinical
    // experience?"); with one of them present the question is not about training abroad.
    [GeneratedRegex(@"\b(usmle|step\s*[123]|ck|eras|nrmp|ecfmg|img|imgs|usce|match(ed|ing)?|soap|usa|u\.s\.|america|american|united\s+states|california|socal|j-?1|h-?1b|visa|experience|counts?|letters?|lors?)\b|\bUS\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UsProcess();

    // Words that tie a question to applying for residency; with one of them present another profession is context
    // ("can a nurse practitioner's letter count?"), not the subject.
    [GeneratedRegex(@"\b(residency|residencies|residents?|program\s+directors?|pds?|usmle|step\s*[123]|ck|eras|nrmp|ecfmg|img|imgs|usce|observerships?|externships?|rotations?|letters?|lors?|match(ed|ing)?|soap|interviews?|applications?|applicants?|cv)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResidencyProcess();

    // Other countries' exams, matches and training schemes.
    [GeneratedRegex(@"\b(plab|ukmla|mccqe|carms|mrcp|mrcs|nhs|gmc|amc\s+exam|fmge|neet|foundation\s+programme|specialty\s+training\s+in\s+the\s+uk)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForeignSystem();

    // Training or licensing *in* another country ("residency in France", "licence in Australia", "Canadian residency").
    [GeneratedRegex(@"\b(residency|residencies|fellowships?|licen[cs]es?|licensing|registration|training|specialization|specialisation|jobs?|practice|exams?|programmes?)\b[^.?!]{0,40}?\b(in|for|to)\s+(the\s+)?(uk|united\s+kingdom|england|scotland|britain|ireland|canada|australia|new\s+zealand|germany|france|spain|italy|netherlands|sweden|norway|switzerland|dubai|uae|saudi(\s+arabia)?|qatar|singapore)\b|\b(uk|british|irish|canadian|australian|german|french|gulf)\s+(residency|fellowship|licen[cs]e|exam|match|board|medical\s+council|foundation)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AbroadTraining();

    // Another profession or degree as the subject of the question.
    [GeneratedRegex(@"\b(nurse\s+practitioners?|nursing\s+(school|license|licence)|physician\s+assistants?|pa\s+school|dentists?|dental\s+school|pharmacists?|pharmacy\s+school|veterinar(y|ians?)|vet\s+school|mba|law\s+school|lawyers?|software\s+engineers?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherField();
}
