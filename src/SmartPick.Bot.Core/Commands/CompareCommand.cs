using System.Globalization;
using System.Text;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Catalog;

namespace SmartPick.Bot.Core.Commands;

/// <summary>/compare &lt;id|name&gt; &lt;id|name&gt;: two programs' facts (with sources) and this applicant's factors.</summary>
public sealed class CompareCommand(ProgramDirectory programs, IRankingAdvisor advisor)
{
    private static readonly string[] Separators = [" vs ", " vs. ", " versus ", " and ", ",", "|", ";"];

    internal void Handle(Turn turn, CommandContent command)
    {
        var (first, second) = Split(command);
        if (first is null || second is null)
        {
            turn.SayPersonal([new Reply("Compare two programs: /compare <id or name> <id or name>, e.g. /compare 1400531031 1400500927, or /compare cedars sinai vs harbor ucla.")], "compare");
            return;
        }

        var a = programs.Find(first, turn.State.Profile.Specialties);
        var b = programs.Find(second, turn.State.Profile.Specialties);
        if (a.Count != 1 || b.Count != 1)
        {
            var (bad, reference) = a.Count != 1 ? (a, first) : (b, second);
            var keep = a.Count != 1 ? (b.Count == 1 ? b[0].Id : second) : a[0].Id;
            var reply = ListCommands.NotOne(bad, reference, "compare " + keep);
            turn.SayPersonal([reply], "compare");
            return;
        }

        turn.SayPersonal([new Reply(Render(turn, a[0].Program, b[0].Program))], "compare");
    }

    private static (string? First, string? Second) Split(CommandContent command)
    {
        if (command.Option("first") is { } f && command.Option("second") is { } s)
        {
            return (f, s);
        }

        var text = command.Arguments.Trim();
        foreach (var separator in Separators)
        {
            var parts = text.Split(separator, 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2)
            {
                return (parts[0], parts[1]);
            }
        }

        // "1400531031 harbor ucla": an id on either side splits the rest.
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && ProgramIds.IsValid(words[0]))
        {
            return (words[0], string.Join(' ', words[1..]));
        }

        return words.Length >= 2 && ProgramIds.IsValid(words[^1]) ? (string.Join(' ', words[..^1]), words[^1]) : (null, null);
    }

    private string Render(Turn turn, ProgramRecord a, ProgramRecord b)
    {
        var va = ProgramVerdict.For(advisor, turn.State.Profile, a.AcgmeId, a.Specialty);
        var vb = ProgramVerdict.For(advisor, turn.State.Profile, b.AcgmeId, b.Specialty);
        var sb = new StringBuilder();
        sb.Append("**A: ").Append(Markup.Escape(a.Name)).Append("** (").Append(a.AcgmeId).Append(")\n**B: ")
          .Append(Markup.Escape(b.Name)).Append("** (").Append(b.AcgmeId).AppendLine(")").AppendLine();
        Row(sb, "Specialty", a.Specialty, b.Specialty);
        Row(sb, "Location", $"{a.City}, {a.State}", $"{b.City}, {b.State}");
        Row(sb, "Type", Type(a.Type), Type(b.Type));
        Row(sb, "PGY-1 positions", Num(a.Pgy1Positions), Num(b.Pgy1Positions));
        Row(sb, "Interviews last year", Num(a.InterviewsLastYear), Num(b.InterviewsLastYear));
        Row(sb, "IMGs among residents", Pct(a.PctImg), Pct(b.PctImg));
        Row(sb, "Visas sponsored", ListRow.Visas(a.Visas), ListRow.Visas(b.Visas));
        Row(sb, "Accepting applications", a.AcceptingApplications is { } x ? (x ? "yes" : "no") : "not reported", b.AcceptingApplications is { } y ? (y ? "yes" : "no") : "not reported");
        if (va is not null && vb is not null)
        {
            Row(sb, "Your interview chance", Chance(va), Chance(vb));
            Row(sb, "Tier", va.Tier, vb.Tier);
            Row(sb, "Eligibility", va.Eligibility, vb.Eligibility);
        }

        sb.AppendLine().Append("_Sources: A — ").Append(Markup.Escape(a.Provenance.Source)).Append(", retrieved ").Append(a.Provenance.RetrievedOn)
          .Append("; B — ").Append(Markup.Escape(b.Provenance.Source)).Append(", retrieved ").Append(b.Provenance.RetrievedOn).AppendLine("._");
        if (va is null || vb is null)
        {
            sb.AppendLine().Append("_Your chances and factors need your profile: send /profile._");
            return sb.ToString().TrimEnd();
        }

        Factors(sb, "A", va);
        Factors(sb, "B", vb);
        return sb.ToString().TrimEnd();
    }

    private static void Row(StringBuilder sb, string label, string a, string b) =>
        sb.Append("- ").Append(label).Append(": A ").Append(Markup.Escape(a)).Append(" | B ").AppendLine(Markup.Escape(b));

    private static void Factors(StringBuilder sb, string side, ProgramVerdict verdict)
    {
        sb.AppendLine().Append("**Your factors for ").Append(side).AppendLine("** (log-odds):");
        foreach (var f in verdict.Factors)
        {
            sb.Append("- ").Append(Markup.Escape(f.Name)).Append(' ').Append(f.Contribution.ToString("+0.00;-0.00", CultureInfo.InvariantCulture))
              .Append(": ").AppendLine(Markup.Escape(f.Detail));
        }

        foreach (var note in verdict.EligibilityNotes)
        {
            sb.Append("- Eligibility: ").AppendLine(Markup.Escape(note));
        }
    }

    private static string Chance(ProgramVerdict v) => v.Chance is { } c ? c.ToString("0%", CultureInfo.InvariantCulture) : "not rated";

    private static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "not reported";

    private static string Pct(double? p) => p is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "not reported"; // catalog: 0-100

    private static string Type(ProgramType t) => t == ProgramType.Unknown ? "not reported" : t.ToString();
}
