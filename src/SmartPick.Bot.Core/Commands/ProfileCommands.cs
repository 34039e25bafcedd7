using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Commands;

/// <summary>/profile (intake, show, set, edit, restart), /export and /forget.</summary>
public sealed class ProfileCommands(IntakeDialogue intake)
{
    internal void Profile(Turn turn, CommandContent command)
    {
        var args = (command.Option("action") is { } action
            ? $"{action} {command.Option("field")} {command.Option("value")}"
            : command.Arguments).Trim();
        var words = args.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = words.Length > 0 ? words[0].ToLowerInvariant() : string.Empty;
        switch (verb)
        {
            case "show":
                turn.SayPersonal([intake.Summary(turn.State.Profile, "Your profile")], "profile");
                return;
            case "set":
                Set(turn, words.Length > 1 ? words[1] : string.Empty, words.Length > 2 ? words[2] : string.Empty);
                return;
            case "edit" when words.Length > 1:
            case "restart":
            case "":
                break;
            default:
                // "/profile step2ck 238" reads as a set.
                if (IntakeTable.Find(verb) is not null)
                {
                    Set(turn, verb, string.Join(' ', words.Skip(1)));
                    return;
                }

                turn.Say(Reply.Private("Use /profile to answer the questions, /profile show, /profile set <field> <value>, /profile edit <field> or /profile restart."));
                return;
        }

        if (turn.MovesToDirect)
        {
            turn.SayPersonal([new Reply("Your profile holds your scores, so let's fill it in a private chat with me.")], "profile");
            return;
        }

        if (verb == "edit")
        {
            var step = IntakeTable.Find(words[1]);
            if (step is null)
            {
                turn.Say(Reply.Private(UnknownField(words[1])));
                return;
            }

            turn.Apply(intake.EditOne(turn.State, step));
            return;
        }

        var hasProfile = turn.State.Profile.Specialties.Count > 0;
        if (IntakeDialogue.IsEditingOne(turn.State.Conversation))
        {
            turn.State = turn.State with { Conversation = ConversationState.Idle with { Offers = turn.State.Conversation.Offers } }; // an abandoned /profile edit
        }

        if (verb == "restart" || turn.State.Conversation.IntakeStep is not null || !hasProfile)
        {
            turn.Apply(intake.Begin(turn.State, restart: verb == "restart"));
            return;
        }

        var summary = intake.Summary(turn.State.Profile, "Your profile");
        turn.Say(summary with { Choices = [new Choice("Start over", "cmd:profile restart"), new Choice("Rank programs", "cmd:rank")] });
    }

    internal static void Export(Turn turn) =>
        turn.SayPersonal(
            [new Reply("Here is everything I store about your profile, as JSON:\n\n" + Markup.Escape(ProfileJson.Serialize(turn.State.Profile, indented: true)))],
            "export");

    internal static void Forget(Turn turn, string arguments)
    {
        switch (AnswerReader.Normalize(arguments))
        {
            case "yes" or "confirm" or "y":
                turn.Forget = true;
                turn.SayPersonal([new Reply("Done. I deleted your profile, your answers and your conversation state. If you write again, I'll start fresh.")], "forget");
                return;
            case "no" or "cancel":
                turn.SayPersonal([new Reply("Okay, nothing was deleted.")], "forget");
                return;
            default:
                turn.SayPersonal(
                    [new Reply("This deletes **everything** I store about you: your profile, scores and conversation. It can't be undone. Delete now?")
                    {
                        Choices = [new Choice("Yes, delete everything", "forget:yes"), new Choice("Cancel", "forget:no")],
                    }],
                    "forget");
                return;
        }
    }

    internal void SubmitForm(Turn turn, FormContent form)
    {
        var profile = turn.State.Profile;
        var saved = new List<string>();
        var problems = new List<string>();
        foreach (var (fieldId, value) in form.Fields)
        {
            if (string.IsNullOrWhiteSpace(value) || IntakeTable.Find(fieldId) is not { } step)
            {
                continue;
            }

            var read = intake.Set(profile, step, value);
            if (read.Ok)
            {
                profile = read.Profile!;
                saved.Add(step.Label);
            }
            else
            {
                problems.Add($"- {step.Label}: {read.Error}");
            }
        }

        var text = (saved.Count > 0 ? $"Saved: {string.Join(", ", saved)}." : "Nothing was saved.")
            + (problems.Count > 0 ? "\n\nPlease fix these and send them again (e.g. /profile set step2ck 238):\n" + string.Join('\n', problems) : string.Empty);
        var (state, next) = intake.SkipAnswered(turn.State with { Profile = profile });
        turn.State = state;
        turn.SayPersonal([new Reply(text), .. next], "profile");
    }

    private void Set(Turn turn, string field, string value)
    {
        var step = IntakeTable.Find(field);
        if (step is null)
        {
            turn.SayPersonal([new Reply(UnknownField(field))], "profile");
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            turn.SayPersonal([new Reply($"Please give a value too, e.g. /profile set {step.Id} …\n\n{step.Question}")], "profile");
            return;
        }

        var read = intake.Set(turn.State.Profile, step, value);
        if (!read.Ok)
        {
            turn.SayPersonal([new Reply($"I couldn't set **{step.Label}**: {read.Error}")], "profile");
            return;
        }

        turn.State = turn.State with { Profile = read.Profile! };
        var note = read.Note is null ? string.Empty : read.Note + "\n\n";
        turn.SayPersonal([new Reply($"{note}Saved **{step.Label}**: {Markup.Escape(step.Show(read.Profile!) ?? "not reported")}.")], "profile");
    }

    private static string UnknownField(string field) =>
        $"I don't know the field \"{Markup.Escape(field.Length > 30 ? field[..30] + "…" : field)}\". Fields: {string.Join(", ", IntakeTable.Fields.Select(s => s.Id))}.";
}
