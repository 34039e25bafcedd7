namespace SmartPick.Bot.Knowledge.Retrieval;

/// <summary>
/// Multi-word phrasings applicants use for things the guide names differently ("number one" for ranking a program
/// first, "green card" for permanent residence). Matched on the normalised question; the guide's words are added as
/// extra query words, the applicant's words stay. Curated from the domain, not from evaluation questions.
/// </summary>
public static partial class Paraphrases
{
    private static readonly (string Phrase, string[] GuideWords)[] Map =
    [
        ("number one", ["first choice", "rank"]),
        ("top choice", ["first choice", "rank"]),
        ("first choice", ["top choice", "rank"]),
        ("rank order list", ["rank list"]),
        ("green card", ["permanent resident"]),
        ("time off", ["gap"]),
        ("gap year", ["gap"]),
        ("years off", ["gap"]),
        ("took a break", ["gap"]),
        ("red flag", ["concern", "weak"]),
        ("reach out", ["contact", "email"]),
        ("cold email", ["contact", "email"]),
        ("old grad", ["older", "graduation"]),
        ("older grad", ["older", "graduation"]),
        ("year of graduation", ["graduation year"]),
        ("interview invite", ["interview", "invitation"]),
        ("letter of interest", ["letter", "intent"]),
        ("stand out", ["strong"]),
        ("how many times", ["attempt", "limit"]),
        ("big picture", ["overview", "plan"]),
        ("overall plan", ["overview"]),
        ("step by step", ["overview", "plan"]),
        ("pick", ["choose", "choosing"]),
        ("didnt match", ["unsuccessful", "soap"]),
        ("didn t match", ["unsuccessful", "soap"]),
        ("did not match", ["unsuccessful", "soap"]),
        ("dont match", ["unsuccessful", "soap"]),
        ("don t match", ["unsuccessful", "soap"]),
        ("not matching", ["unsuccessful", "soap"]),
        ("my 1", ["first choice", "rank"]),
        ("score out", ["released", "exams"]),
        ("scores out", ["released", "exams"]),
        ("results out", ["released", "exams"]),
        ("lots of imgs", ["share"]),
        ("lot of imgs", ["share"]),
        ("many imgs", ["share"]),
        ("img heavy", ["share"]),
        ("exact chance", ["precise"]),
        ("exact chances", ["precise"]),
        ("exact odds", ["precise"]),
        ("select", ["choose", "choosing"]),
    ];

    /// <summary>The guide words for every phrase found in <paramref name="question"/>.</summary>
    public static IEnumerable<string> In(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var padded = " " + string.Join(' ', TextAnalyzer.Tokenize(question)) + " ";
        foreach (var (phrase, words) in Map)
        {
            if (padded.Contains(" " + phrase + " ", StringComparison.Ordinal))
            {
                foreach (var word in words)
                {
                    yield return word;
                }
            }
        }

        // A bare three-digit number in the usual range is a Step 2 CK score ("is 238 ok for IM"); "150 programs" is
        // a question about how many programs to apply to.
        if (ScoreNumber().IsMatch(padded))
        {
            yield return "step2";
            yield return "score";
        }

        if (ProgramCount().IsMatch(padded))
        {
            yield return "many";
            yield return "applications";
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" (19\d|2[0-7]\d) (?!programs? )")]
    private static partial System.Text.RegularExpressions.Regex ScoreNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@" \d{2,3} (programs?|apps|applications) ")]
    private static partial System.Text.RegularExpressions.Regex ProgramCount();
}
