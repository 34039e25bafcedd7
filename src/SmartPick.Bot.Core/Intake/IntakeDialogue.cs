using System.Globalization;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>
/// Walks the <see cref="IntakeTable"/>: asks, reads answers, handles skip/back, and says when the profile is
/// complete. Pure state in, state out; the engine stores the result after every answer.
/// </summary>
public sealed class IntakeDialogue(TimeProvider clock)
{
    public const string ButtonPrefix = "intake:";
    private const string EditOneMode = "edit-one";

    /// <summary>Starts at the first question, or resumes where the user left off.</summary>
    public static (UserState State, IReadOnlyList<Reply> Replies) Begin(UserState state, bool restart = false)
    {
        if (!restart && Step(state.Conversation.IntakeStep) is { } current)
        {
            var resumed = state with { Conversation = state.Conversation with { Pending = null } };
            return (resumed, [Ask(current, state.Profile, "Welcome back! Let's pick up where we left off.")]);
        }

        var first = IntakeTable.Steps[0];
        var next = state with { Conversation = new ConversationState(first.Id, []) };
        return (next, [Ask(first, state.Profile, "Let's build your profile. Every question can be answered with _skip_ or _back_; send _pause_ to stop for now.")]);
    }

    /// <summary>Jumps to one field and returns to normal chat after it is answered.</summary>
    public static (UserState State, IReadOnlyList<Reply> Replies) EditOne(UserState state, IntakeStep step) =>
        (state with { Conversation = new ConversationState(step.Id, [], EditOneMode) }, [Ask(step, state.Profile, null)]);

    /// <summary>Handles a typed answer or a pressed intake button for the current question.</summary>
    public (UserState State, IReadOnlyList<Reply> Replies) Answer(UserState state, string text)
    {
        var step = Step(state.Conversation.IntakeStep) ?? IntakeTable.Steps[0];
        var command = AnswerReader.Normalize(text);
        switch (command)
        {
            case "back":
                return Back(state, step);
            case "skip":
                // Skip keeps an answer already given (e.g. through the scores form); unanswered stays "not reported".
                // Clearing a field is explicit: /profile set <field> none.
                if (step.Show(state.Profile) is not null)
                {
                    return Advance(state, step, state.Profile, "Kept your earlier answer.");
                }

                if (step.Id == "specialties")
                {
                    return (state, [Ask(step, state.Profile, "I need at least one specialty to rank programs, so this one can't be skipped.")]);
                }

                return Advance(state, step, state.Profile, "Skipped — I'll treat that as _not reported_.");
            case "pause" or "stop" or "cancel" or "later":
                return (state with { Conversation = state.Conversation with { Pending = ConversationState.Paused } }, [new Reply("Paused. Your answers so far are saved; send /profile whenever you want to continue.")]);
        }

        var read = step.Read(state.Profile, text, new IntakeContext(clock.GetUtcNow().Year));
        return read.Ok
            ? Advance(state, step, read.Profile!, null)
            : (state, [Ask(step, state.Profile, read.Error)]);
    }

    /// <summary>Reads a direct "/profile set field value" without touching the dialogue position.</summary>
    public ParseResult Set(ApplicantProfile profile, IntakeStep step, string value) =>
        AnswerReader.Normalize(value) is "skip" or "none" or "clear" or "unset" && step.Id != "specialties" && step.Id != "languages" && step.Id != "visa"
            ? ParseResult.Success(step.Clear(profile))
            : step.Read(profile, value, new IntakeContext(clock.GetUtcNow().Year));

    /// <summary>The question for a step, with its choices and Skip/Back buttons.</summary>
    public static Reply Ask(IntakeStep step, ApplicantProfile profile, string? preface)
    {
        var position = Position(step, profile);
        var current = step.Show(profile);
        var text = (preface is null ? string.Empty : preface + "\n\n")
            + $"**{position}** {step.Question}"
            + (current is null ? string.Empty : $"\n_Currently: {Markup.Escape(current)}_");
        var choices = step.Choices.Select(c => new Choice(c, ButtonPrefix + step.Id + ":" + c))
            .Append(new Choice("Skip", ButtonPrefix + step.Id + ":skip"))
            .Append(new Choice("Back", ButtonPrefix + step.Id + ":back"))
            .ToList();
        return new Reply(text) { Choices = choices, Visibility = Visibility.Private, Form = step.Id == "step2ck" ? ScoresForm : null };
    }

    /// <summary>
    /// After several fields were filled at once (the scores form), moves the intake to the first question from the
    /// current one that still has no answer.
    /// </summary>
    public static (UserState State, IReadOnlyList<Reply> Replies) SkipAnswered(UserState state)
    {
        var step = Step(state.Conversation.IntakeStep);
        IReadOnlyList<Reply> replies = step is null ? [] : [Ask(step, state.Profile, null)];
        while (step is not null && step.Show(state.Profile) is not null)
        {
            (state, replies) = Advance(state, step, state.Profile, null);
            step = Step(state.Conversation.IntakeStep);
        }

        return (state, replies);
    }

    /// <summary>True while a single field is being edited (<c>/profile edit</c>), which is not an intake to resume.</summary>
    public static bool IsEditingOne(ConversationState conversation) => conversation.Pending == EditOneMode;

    /// <summary>A one-go form for the score questions (Discord shows it as a modal).</summary>
    public static FormRequest ScoresForm { get; } = new(
        "scores",
        "Your USMLE results",
        [
            new FormField("step1", "Step 1 (Pass, Fail or score)", "Pass"),
            new FormField("step2ck", "Step 2 CK score", "238"),
            new FormField("step3", "Step 3 passed? (yes/no, score)", "no"),
            new FormField("gradyear", "Graduation year", "2019"),
        ]);

    public static IntakeStep? Step(string? id) => id is null ? null : IntakeTable.Steps.FirstOrDefault(s => s.Id == id);

    private static (UserState, IReadOnlyList<Reply>) Advance(UserState state, IntakeStep step, ApplicantProfile profile, string? note)
    {
        if (IsEditingOne(state.Conversation))
        {
            var done = state with { Profile = profile, Conversation = ConversationState.Idle };
            return (done, [Reply.Private($"Saved **{step.Label}**: {Markup.Escape(step.Show(profile) ?? "not reported")}. Send /profile to see everything, or /rank for your list.")]);
        }

        var next = NextStep(step, profile);
        if (next is null)
        {
            var finished = new UserState(profile, ConversationState.Idle);
            return (finished, [Summary(profile, "That's everything — thank you! Here is your profile:", finished: true)]);
        }

        var history = state.Conversation.History.Append(step.Id).ToList();
        var moved = new UserState(profile, new ConversationState(next.Id, history));
        return (moved, [Ask(next, profile, note)]);
    }

    private static (UserState, IReadOnlyList<Reply>) Back(UserState state, IntakeStep step)
    {
        var history = state.Conversation.History;
        if (history.Count == 0 || Step(history[^1]) is not { } previous)
        {
            return (state, [Ask(step, state.Profile, "This is the first question, so there's nothing to go back to.")]);
        }

        var moved = state with { Conversation = new ConversationState(previous.Id, history.Take(history.Count - 1).ToList()) };
        return (moved, [Ask(previous, state.Profile, null)]);
    }

    private static IntakeStep? NextStep(IntakeStep step, ApplicantProfile profile)
    {
        var steps = IntakeTable.Steps;
        for (var i = IndexOf(step) + 1; i < steps.Count; i++)
        {
            if (steps[i].Applies(profile))
            {
                return steps[i];
            }
        }

        return null;
    }

    private static int IndexOf(IntakeStep step)
    {
        var steps = IntakeTable.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Id == step.Id)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Position(IntakeStep step, ApplicantProfile profile)
    {
        var applicable = IntakeTable.Steps.Where(s => s.Applies(profile) || s.Id == step.Id).ToList();
        var index = applicable.FindIndex(s => s.Id == step.Id) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"({index}/{applicable.Count})");
    }

    /// <summary>The profile as a list of "label: value" lines; unknown fields read "not reported".</summary>
    public static Reply Summary(ApplicantProfile profile, string heading, bool finished = false)
    {
        var lines = IntakeTable.Steps
            .Where(s => s.Applies(profile))
            .Select(s => $"- {s.Label}: {Markup.Escape(s.Show(profile) ?? "not reported")}");
        var footer = finished
            ? "\n\nNext: /rank for your program list, /plan for how many to apply to, /explain-score for where your scores stand. Change anything with /profile set <field> <value>."
            : "\n\nChange a field with /profile set <field> <value> (e.g. /profile set step2ck 238), or /profile edit <field>.";
        var choices = finished
            ? new List<Choice> { new("Rank programs", "cmd:rank"), new("Application plan", "cmd:plan") }
            : [];
        return new Reply($"**{heading}**\n" + string.Join('\n', lines) + footer) { Visibility = Visibility.Private, Choices = choices };
    }
}
