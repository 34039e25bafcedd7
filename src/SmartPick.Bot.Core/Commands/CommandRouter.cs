using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Intake.Reading;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Commands;

/// <summary>Decides what an inbound message means (command, intake answer, button, form, question) and dispatches it.</summary>
public sealed class CommandRouter(IntakeDialogue intake, ProfileCommands profile, AdviceCommands advice, ApplicantCommands applicant, ReportCommand? report = null, Servers.FaqCommand? faq = null, Servers.SettingsCommand? settings = null, Servers.Feedback.VoteCommand? votes = null, Servers.Feedback.ShareQuestionCommand? shares = null)
{
    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase) { "hi", "hello", "hey", "start", "menu", "help", "hola" };

    internal async Task RouteAsync(Turn turn, CancellationToken cancellationToken)
    {
        await DispatchContentAsync(turn, cancellationToken);
        turn.DropTypingForms();
    }

    private Task DispatchContentAsync(Turn turn, CancellationToken cancellationToken) => turn.Message.Content switch
    {
        CommandContent c => DispatchAsync(turn, c, cancellationToken),
        TextContent t => TextAsync(turn, t.Text, cancellationToken),
        ButtonContent b => ButtonAsync(turn, b.Payload, cancellationToken),
        FormContent f when IntakeDialogue.TypedAnswer(f) is { } typed => TypedAnswerAsync(turn, typed.StepId, typed.Text, cancellationToken),
        FormContent f => Done(() => profile.SubmitForm(turn, f)),
        _ => Task.CompletedTask,
    };

    internal Task DispatchAsync(Turn turn, CommandContent command, CancellationToken cancellationToken)
    {
        switch (CommandText.Canonical(command.Name))
        {
            case "start":
                return StartAsync(turn, command.Arguments.Trim(), cancellationToken);
            case "help":
                turn.Say(Help());
                return Task.CompletedTask;
            case "profile":
                profile.Profile(turn, command);
                return Task.CompletedTask;
            case "export":
                ProfileCommands.Export(turn);
                return applicant.List.ExportJsonAsync(turn, cancellationToken);
            case "forget":
                ProfileCommands.Forget(turn, command.Arguments);
                return Task.CompletedTask;
            case "rank":
                advice.Rank(turn, command);
                return Task.CompletedTask;
            case "plan":
                advice.Plan(turn, command);
                return Task.CompletedTask;
            case "explain-score":
                advice.ExplainScore(turn, command);
                return Task.CompletedTask;
            case "chances":
                advice.Chances(turn, command);
                return Task.CompletedTask;
            case "ask":
                return advice.AskAsync(turn, command.Option("question") ?? command.Arguments, cancellationToken);
            case "list":
                return applicant.List.HandleAsync(turn, command, cancellationToken);
            case "compare":
                return Done(() => applicant.Compare.Handle(turn, command));
            case "timeline":
                return applicant.Timeline.HandleAsync(turn, cancellationToken);
            case "remind":
                return applicant.Remind.HandleAsync(turn, command, cancellationToken);
            case "privacy":
                return Done(() => applicant.Privacy.Handle(turn));
            case "report" when report is not null:
                return report.HandleAsync(turn, command, cancellationToken);
            case "faq" when faq is not null:
                return faq.HandleAsync(turn, command, cancellationToken);
            case "settings" when settings is not null:
                return settings.HandleAsync(turn, command, cancellationToken);
            default:
                turn.Say(new Reply($"I don't know the command /{Markup.Escape(command.Name)}. Send /help to see what I can do."));
                return Task.CompletedTask;
        }
    }

    private Task TextAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        if (CommandText.TryParse(text, out var name, out var arguments))
        {
            return DispatchAsync(turn, new CommandContent(name, arguments), cancellationToken);
        }

        // In groups the bot speaks only when addressed with a command (and Telegram privacy mode agrees).
        if (turn.InGroup || string.IsNullOrWhiteSpace(text))
        {
            return Task.CompletedTask;
        }

        // A button's label, its number, or yes/no for a confirmation, typed instead of pressed.
        if (PendingChoices.MatchTyped(turn.State.Conversation, text) is { } pressed)
        {
            return ButtonAsync(turn, pressed, cancellationToken);
        }

        if (turn.State.Conversation.InIntake)
        {
            return IntakeTextAsync(turn, text, cancellationToken);
        }

        if (Greetings.Contains(AnswerReader.Normalize(text)))
        {
            return StartAsync(turn, string.Empty, cancellationToken);
        }

        if (Words.IsSmallTalk(text))
        {
            turn.Say(new Reply("You're welcome! Ask me anything about the application process, or send /rank, /plan or /profile."));
            return Task.CompletedTask;
        }

        // "I got 238 on CK, green card holder" is shown back for a yes before it is saved; a question goes to the guide.
        if (!Words.IsQuestion(text) && Statements.Propose(turn, text, intake.Context))
        {
            return Task.CompletedTask;
        }

        return advice.AskAsync(turn, text, cancellationToken);
    }

    /// <summary>During the intake: a question is answered and the step asked again; facts about other steps are proposed; small talk gets a short reply.</summary>
    private async Task IntakeTextAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        if (Words.IsQuestion(text))
        {
            await advice.AskAsync(turn, text, cancellationToken);
            turn.SayPersonal(intake.Reask(turn.State, "Back to your profile:"), "profile");
            return;
        }

        if (Statements.ProposeInIntake(turn, text, intake.Context))
        {
            return;
        }

        var (state, replies) = intake.Answer(turn.State, text);
        if (ReferenceEquals(state, turn.State) && Words.IsSmallTalk(text))
        {
            turn.SayPersonal([new Reply("No problem!"), .. intake.Reask(turn.State, null)], "profile");
            return;
        }

        turn.Apply((state, replies));
    }

    /// <summary>An answer typed into a question's form (where typing in the chat is not read): like the typed answer, and private.</summary>
    private async Task TypedAnswerAsync(Turn turn, string stepId, string text, CancellationToken cancellationToken)
    {
        if (turn.State.Conversation.IntakeStep != stepId)
        {
            NotCurrentStep(turn, "form");
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            turn.SayPersonal(intake.Reask(turn.State, "The form came back empty."), "profile");
        }
        else
        {
            await IntakeTextAsync(turn, text.Trim(), cancellationToken);
        }

        turn.MakeAllPrivate();
    }

    private void NotCurrentStep(Turn turn, string what)
    {
        var current = IntakeDialogue.Step(turn.State.Conversation.IntakeStep);
        turn.Say(current is null
            ? Reply.Private($"That {what} belongs to a question that's already answered. Send /profile to review or change your answers.")
            : intake.Ask(current, turn.State.Profile, $"That {what} belongs to an earlier question. Here is the current one:"));
    }

    private Task ButtonAsync(Turn turn, string pressed, CancellationToken cancellationToken)
    {
        // Votes are pressed by anyone who reads the answer (a group), so they are not the presser's pending choices.
        if (votes is not null && Servers.Feedback.FeedbackButtons.IsVote(pressed))
        {
            return votes.HandleAsync(turn, pressed, cancellationToken);
        }

        if (PendingChoices.Resolve(turn.State.Conversation, pressed) is not { } payload)
        {
            turn.Say(PendingChoices.Expired(turn.State.Conversation));
            return Task.CompletedTask;
        }

        if (shares is not null && Servers.Feedback.ShareQuestionCommand.IsShare(payload))
        {
            return shares.HandleAsync(turn, payload, cancellationToken);
        }

        if (payload.StartsWith(IntakeDialogue.ButtonPrefix, StringComparison.Ordinal))
        {
            var rest = payload[IntakeDialogue.ButtonPrefix.Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var stepId = colon < 0 ? rest : rest[..colon];
            var value = colon < 0 ? string.Empty : rest[(colon + 1)..];
            if (turn.State.Conversation.IntakeStep != stepId)
            {
                NotCurrentStep(turn, "button");
                return Task.CompletedTask;
            }

            turn.Apply(intake.Answer(turn.State, value));
            return Task.CompletedTask;
        }

        if (payload is ProfileProposal.ConfirmPayload or ProfileProposal.DiscardPayload)
        {
            ConfirmProposal(turn, payload == ProfileProposal.ConfirmPayload);
            return Task.CompletedTask;
        }

        if (payload.StartsWith("forget:", StringComparison.Ordinal))
        {
            ProfileCommands.Forget(turn, payload["forget:".Length..]);
            return Task.CompletedTask;
        }

        if (payload.StartsWith("cmd:", StringComparison.Ordinal))
        {
            var command = payload["cmd:".Length..];
            var space = command.IndexOf(' ', StringComparison.Ordinal);
            return DispatchAsync(turn, space < 0 ? new CommandContent(command) : new CommandContent(command[..space], command[(space + 1)..]), cancellationToken);
        }

        turn.Say(PendingChoices.Expired(turn.State.Conversation));
        return Task.CompletedTask;
    }

    private Task StartAsync(Turn turn, string payload, CancellationToken cancellationToken)
    {
        // "/start rank" arrives from a Telegram deep link: resume that command here, in the direct chat.
        var target = CommandText.Canonical(payload);
        if (target.Length > 0 && target != "start" && CommandText.Names.Contains(target))
        {
            return DispatchAsync(turn, new CommandContent(target), cancellationToken);
        }

        turn.Say(Help());
        if (!turn.InGroup && turn.State.Profile.Specialties.Count == 0)
        {
            turn.Apply(intake.Begin(turn.State));
        }

        return Task.CompletedTask;
    }

    private void ConfirmProposal(Turn turn, bool save)
    {
        var conversation = turn.State.Conversation;
        if (conversation.Proposal is null)
        {
            turn.SayPersonal([new Reply("There is nothing waiting to be saved any more.")], "profile");
            return;
        }

        var profile = save ? ProfileProposal.Apply(turn.State.Profile, conversation.Proposal) : turn.State.Profile;
        turn.State = new State.UserState(profile, conversation with { Proposal = null });
        var said = save ? "Saved." : "Discarded; your profile is unchanged.";
        if (turn.State.Conversation.InIntake)
        {
            var (state, next) = intake.SkipAnswered(turn.State, said);
            turn.Apply((state, next));
            return;
        }

        turn.SayPersonal([new Reply(save ? "Saved. Send /profile to see everything." : said)], "profile");
    }

    private static Reply Help() => new(
        "**SmartPick** builds an honest, data-driven residency application list for IMGs aiming at Southern California.\n\n" +
        "- /profile — answer a few questions (or /profile set step2ck 238 to change one field)\n" +
        "- /rank — your programs by interview chance (higher chance, possible, long shot), with your plan\n" +
        "- /plan — how many programs to apply to and where to place ERAS signals\n" +
        "- /chances — in interview season: your chance to match from the interviews you have (/chances 3)\n" +
        "- /explain-score — where your scores stand, and why a program got its score\n" +
        "- /ask — a question about the application process, answered from our guide with sources\n" +
        "- /list — your own list of programs: /list add <id or name>, show, remove, clear, export (CSV)\n" +
        "- /compare — two programs side by side: /compare <id or name> vs <id or name>\n" +
        "- /timeline — where you are in the Match cycle and the next dates; /remind on — private reminders before each\n" +
        "- /report — tell the maintainers a program's data is wrong: /report <id or name>: <what is wrong>\n" +
        "- /privacy — what I store, for how long, and how to delete it\n" +
        "- /faq — quick answers: pick one of the guide's main topics\n" +
        "- /export — your stored data as JSON; /forget — delete everything about you\n\n" +
        "Your scores stay private: in groups I answer personal questions only to you.");

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}
