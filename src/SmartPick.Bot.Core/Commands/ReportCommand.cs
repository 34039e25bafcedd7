using SmartPick.Bot.Core.Corrections;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Ranking;
using SmartPick.Ranking.Catalog;

namespace SmartPick.Bot.Core.Commands;

/// <summary>
/// /report &lt;program&gt; &lt;what is wrong&gt;: stores a correction request for maintainers (listed and exported with
/// the CLI verb <c>reports</c>). The program is a catalog id, or a name followed by ":" or " - ". Text is never logged.
/// </summary>
public sealed class ReportCommand(RankingModel model, TimeProvider clock, ICorrectionStore? store = null)
{
    public const int MaxTextLength = 1000;
    public const int MaxReportsPerUser = 20;

    private const string Usage = "Tell me what is wrong with a program's data: /report <program id or name> <what is wrong>, " +
        "e.g. /report 1200500737 they now sponsor J-1 visas, or /report Kaweah Health FM: the program moved to Visalia.";

    internal async Task HandleAsync(Turn turn, CommandContent command, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            turn.Say(new Reply("Corrections can't be stored on this deployment yet. Please tell the bot's operator instead."));
            return;
        }

        var (reference, text) = command.Option("program") is { } p && command.Option("text") is { } t
            ? (p.Trim(), t.Trim()) // Discord: two options
            : Split(command.Arguments) ?? (string.Empty, string.Empty);
        if (reference.Length == 0 || text.Length == 0)
        {
            turn.Say(new Reply(Usage));
            return;
        }

        if (text.Length > MaxTextLength)
        {
            turn.Say(new Reply($"That's {text.Length} characters; please keep a report under {MaxTextLength}."));
            return;
        }

        var user = UserHash.Of(turn.Message.User);
        if (await store.CountAsync(user, cancellationToken) >= MaxReportsPerUser)
        {
            turn.Say(new Reply($"You already have {MaxReportsPerUser} reports waiting for the maintainers; thank you. /forget deletes them."));
            return;
        }

        var program = Match(reference);
        await store.AddAsync(new CorrectionReport(0, program?.AcgmeId, reference, text, user, clock.GetUtcNow()), cancellationToken);
        var named = program is null ? $"“{Markup.Escape(reference)}” (not matched to one catalog program; the maintainers will look it up)" : $"**{Markup.Escape(program.Name)}** ({program.AcgmeId})";
        turn.Say(new Reply($"Thanks — I stored your correction for {named} for the maintainers. It is kept with a pseudonymous user id, not your name; /forget deletes it."));
    }

    /// <summary>The catalog program an id or the words of a name point to, when exactly one.</summary>
    private ProgramRecord? Match(string reference)
    {
        if (ProgramIds.IsValid(reference))
        {
            return model.Program(reference);
        }

        var words = Words(reference);
        var matches = model.Programs.Where(p => words.All(Words(p.Name + " " + p.City).Contains)).Take(2).ToList();
        return words.Length > 0 && matches.Count == 1 ? matches[0] : null;
    }

    private static string[] Words(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>(program, text): an id as the first word, else a name ended by ":" or " - ".</summary>
    internal static (string Program, string Text)? Split(string arguments)
    {
        var a = arguments.Trim();
        var space = a.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && ProgramIds.IsValid(a[..space]))
        {
            return (a[..space], a[(space + 1)..].Trim());
        }

        foreach (var separator in new[] { ":", " - ", " — " })
        {
            var at = a.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                return (a[..at].Trim(), a[(at + separator.Length)..].Trim());
            }
        }

        return null;
    }
}
