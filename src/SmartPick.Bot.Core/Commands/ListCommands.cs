using System.Text;
using System.Text.Json;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Catalog;

namespace SmartPick.Bot.Core.Commands;

/// <summary>/list add|remove|show|clear|export: the applicant's own list of programs.</summary>
public sealed class ListCommands(IApplicantListStore store, ProgramDirectory programs, IRankingAdvisor advisor, TimeProvider clock)
{
    /// <summary>More than an applicant could sensibly track here; ERAS lists live in ERAS.</summary>
    public const int MaxEntries = 100;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private const string Usage = "Use /list add <ACGME id or program name>, /list remove <id, name or number>, /list show, /list export or /list clear.";

    internal async Task HandleAsync(Turn turn, CommandContent command, CancellationToken cancellationToken)
    {
        var (verb, rest) = Verb(command);
        var reply = verb switch
        {
            "" or "show" => await ShowAsync(turn, cancellationToken),
            "add" => await AddAsync(turn, rest, cancellationToken),
            "remove" or "delete" => await RemoveAsync(turn, rest, cancellationToken),
            "clear" => await ClearAsync(turn, rest, cancellationToken),
            "export" or "csv" => await ExportAsync(turn, cancellationToken),
            _ => new Reply(Usage),
        };
        turn.SayPersonal([reply], "list");
    }

    /// <summary>The list's rows with catalog facts and (with a profile) the ranking's verdict.</summary>
    internal async Task<IReadOnlyList<ListRow>> RowsAsync(Turn turn, CancellationToken cancellationToken)
    {
        var entries = await store.GetAsync(turn.Message.User, cancellationToken);
        return [.. entries.Select(e => programs.Get(e.ProgramId, e.Track) is { } c
            ? new ListRow(e, c, c.Rated ? ProgramVerdict.For(advisor, turn.State.Profile, e.ProgramId, e.Track) : null)
            : new ListRow(e, null, null))];
    }

    /// <summary>/export: the list is part of the user's data, so it is exported with the profile (when there is one).</summary>
    internal async Task ExportJsonAsync(Turn turn, CancellationToken cancellationToken)
    {
        var entries = await store.GetAsync(turn.Message.User, cancellationToken);
        if (entries.Count == 0)
        {
            return;
        }

        var json = JsonSerializer.Serialize(entries.Select(e => new { programId = e.ProgramId, track = e.Track, addedAt = e.AddedAt }), Indented);
        turn.SayPersonal([new Reply("Your program list (/list), as JSON:\n\n" + Markup.Escape(json))], "export");
    }

    private static (string Verb, string Argument) Verb(CommandContent command)
    {
        if (command.Option("subcommand") is { } sub)
        {
            return (sub.ToLowerInvariant(), command.Option("program") ?? command.Arguments);
        }

        var parts = command.Arguments.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        return (parts[0].ToLowerInvariant(), parts.Length > 1 ? parts[1] : string.Empty);
    }

    private async Task<Reply> ShowAsync(Turn turn, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(turn, cancellationToken);
        if (rows.Count == 0)
        {
            return new Reply("Your list is empty. Add programs with /list add <ACGME id or name> (ids are in /rank).");
        }

        var sb = new StringBuilder().Append("**Your list** (").Append(rows.Count).AppendLine(rows.Count == 1 ? " program)" : " programs)");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            sb.Append("- ").Append(i + 1).Append(". **").Append(Markup.Escape(r.Name)).Append("** (").Append(r.Entry.ProgramId).Append(", ")
              .Append(Markup.Escape(r.Entry.Track)).Append(')');
            if (r.Program is { } p)
            {
                sb.Append(" — ").Append(Markup.Escape(p.City)).Append(", ").Append(p.State);
            }

            sb.AppendLine();
            sb.Append("  interview chance ").Append(r.ChanceText);
            if (r.Verdict is { } v)
            {
                sb.Append(", tier ").Append(v.Tier).Append(", eligibility ").Append(v.Eligibility);
            }

            sb.Append(", visas ").Append(r.VisaText);
            if (r.Program?.Website is { } site && Uri.TryCreate(site, UriKind.Absolute, out _))
            {
                sb.Append(" — [website](").Append(site).Append(')');
            }

            sb.AppendLine();
        }

        if (turn.State.Profile.Specialties.Count == 0)
        {
            sb.AppendLine().AppendLine("_Chances need your profile: send /profile._");
        }

        sb.AppendLine().Append("_Catalog facts: ACGME listing and program websites (dates in /list export); chances: the model in /explain-score._");
        return new Reply(sb.ToString()) { Choices = [new Choice("Export CSV", "cmd:list export")] };
    }

    private async Task<Reply> AddAsync(Turn turn, string reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return new Reply("Which program? Send /list add <ACGME id or program name>, e.g. /list add 1400531031.");
        }

        var found = programs.Find(reference, turn.State.Profile.Specialties);
        if (found.Count != 1)
        {
            return NotOne(found, reference, "list add");
        }

        var choice = found[0];
        var user = turn.Message.User;
        if ((await store.GetAsync(user, cancellationToken)).Count >= MaxEntries)
        {
            return new Reply($"Your list already holds {MaxEntries} programs, the most I keep. Remove some with /list remove first.");
        }

        var added = await store.AddAsync(user, new ListEntry(choice.Id, choice.TrackKey, clock.GetUtcNow()), cancellationToken);
        var name = $"**{Markup.Escape(choice.Name)}** ({choice.Id}, {Markup.Escape(choice.TrackKey)})";
        return new Reply(added ? $"Added {name} to your list. /list show shows it with your chances." : $"{name} is already on your list.");
    }

    private async Task<Reply> RemoveAsync(Turn turn, string reference, CancellationToken cancellationToken)
    {
        var user = turn.Message.User;
        var entries = await store.GetAsync(user, cancellationToken);
        var text = reference.Trim();
        var matches = text.Length == 0 ? [] : programs.Find(text, []);
        List<ListEntry> targets = int.TryParse(text, out var n) && n >= 1 && n <= entries.Count && !ProgramIds.IsValid(text)
            ? [entries[n - 1]]
            : [.. entries.Where(e => e.ProgramId == text || matches.Any(m => m.Id == e.ProgramId && m.TrackKey == e.Track))];
        if (targets.Count == 0)
        {
            return new Reply($"That program is not on your list. {Usage}");
        }

        foreach (var entry in targets)
        {
            await store.RemoveAsync(user, entry.ProgramId, entry.Track, cancellationToken);
        }

        var names = targets.Select(e => Markup.Escape(programs.Get(e.ProgramId, e.Track)?.Name ?? e.ProgramId));
        return new Reply($"Removed {string.Join(", ", names)} from your list.");
    }

    private async Task<Reply> ClearAsync(Turn turn, string confirmation, CancellationToken cancellationToken)
    {
        var answer = confirmation.Trim().ToLowerInvariant();
        if (answer is "no" or "confirm:no")
        {
            return new Reply("Okay, your list is unchanged.");
        }

        if (answer is not ("yes" or "y" or "confirm" or "confirm:yes"))
        {
            // Payloads ending in :yes / :no make the pair a confirmation: typed "yes" or "cancel" work too.
            return new Reply("Remove every program from your list?")
            {
                Choices = [new Choice("Yes, clear my list", "cmd:list clear confirm:yes"), new Choice("Cancel", "cmd:list clear confirm:no")],
            };
        }

        var removed = await store.ClearAsync(turn.Message.User, cancellationToken);
        return new Reply(removed == 0 ? "Your list was already empty." : $"Cleared your list ({removed} removed).");
    }

    private async Task<Reply> ExportAsync(Turn turn, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(turn, cancellationToken);
        if (rows.Count == 0)
        {
            return new Reply("Your list is empty, so there is nothing to export yet. Add programs with /list add.");
        }

        return new Reply($"Your list as CSV ({rows.Count} {(rows.Count == 1 ? "program" : "programs")}): id, name, city, state, specialty, interview chance, tier, eligibility, visas, website and the source and date of the facts.")
        {
            File = new ReplyFile(ListCsv.Build(rows), ListCsv.FileName, ListCsv.MediaType),
        };
    }

    internal static Reply NotOne(IReadOnlyList<ProgramChoice> found, string reference, string command)
    {
        if (found.Count == 0)
        {
            return new Reply($"I found no program matching \"{Markup.Escape(reference.Length > 60 ? reference[..60] + "…" : reference)}\". Use the ACGME id from /rank, or more of the name.");
        }

        var lines = found.Select(p => $"- {p.Id}: {Markup.Escape(p.Name)}, {Markup.Escape(p.Program.City)} ({Markup.Escape(p.TrackKey)})");
        return new Reply($"Several programs match; which one?\n{string.Join('\n', lines)}")
        {
            Choices = [.. found.Select(p => new Choice(p.Id, $"cmd:{command} {p.Id}"))],
        };
    }
}
