using System.Globalization;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake;

/// <summary>
/// Walks the <see cref="IntakeTable"/>: asks, reads answers, handles skip/back, skips what is already answered, and
/// says when the profile is complete. Pure state in, state out; the engine stores the result after every answer.
/// </summary>
public sealed class IntakeDialogue(TimeProvider clock, CycleTimeline? timeline = null)
{
    public const string ButtonPrefix = "intake:";
    public const string AnswerFormPrefix = "answer:";
    private const string AnswerField = "answer";
    private const string EditOneMode = "edit-one";
    private const string ReviewMode = "review";

    /// <summary>Today's year and whether it is interview season (from the timeline).</summary>
    public IntakeContext Context
    {
        get
        {
            var now = clock.GetUtcNow();
            return new IntakeContext(now.Year, InterviewSeason.Contains(timeline, DateOnly.FromDateTime(now.UtcDateTime)));
        }
    }

    /// <summary>Starts at the first unanswered question, resumes where the user left off, or (restart) reviews every main question.</summary>
    public (UserState State, IReadOnlyList<Reply> Replies) Begin(UserState state, bool restart = false)
    {
        if (!restart && Step(state.Conversation.IntakeStep) is { } current)
        {
            var resumed = state with { Conversation = state.Conversation with { Pending = null } };
            return (resumed, [Ask(current, state.Profile, "Welcome back! Let's pick up where we left off.")]);
        }

        var review = restart && state.Profile.Specialties.Count > 0;
        var first = IntakeTable.Steps.FirstOrDefault(s => Open(s, state.Profile, review)) ?? IntakeTable.Steps[0];
        var next = state with { Conversation = new ConversationState(first.Id, [], review ? ReviewMode : null) { Offers = state.Conversation.Offers } };
        return (next, [Ask(first, state.Profile, "Let's build your profile: about ten short questions. Answer in your own words; _skip_ and _back_ always work, _pause_ stops for now, and you can ask me a question at any point.")]);
    }

    /// <summary>Jumps to one field and returns to normal chat after it is answered.</summary>
    public (UserState State, IReadOnlyList<Reply> Replies) EditOne(UserState state, IntakeStep step) =>
        (state with { Conversation = new ConversationState(step.Id, [], EditOneMode) { Offers = state.Conversation.Offers } }, [Ask(step, state.Profile, null)]);

    /// <summary>Handles a typed answer or a pressed intake button for the current question.</summary>
    public (UserState State, IReadOnlyList<Reply> Replies) Answer(UserState state, string text)
    {
        var step = Step(state.Conversation.IntakeStep) ?? IntakeTable.Steps[0];
        switch (AnswerReader.Normalize(text))
        {
            case "back":
                return Back(state, step);
            case "skip" or "unknown" or "idk" or "i don't know" or "dont know" or "don't know" or "not sure" or "pass on this":
                // Skip keeps an answer already given (e.g. through the scores form); unanswered stays "not reported".
                if (step.Show(state.Profile) is not null)
                {
                    return Advance(state, step, state.Profile, "Kept your earlier answer.", skipGroup: step.IsMain);
                }

                if (step.Id == "specialties")
                {
                    return (state, [Ask(step, state.Profile, "I need at least one specialty to rank programs, so this one can't be skipped.")]);
                }

                return Advance(state, step, state.Profile, "Skipped — I'll treat that as _not reported_.", skipGroup: step.IsMain);
            case "pause" or "stop" or "cancel" or "later":
                return (state with { Conversation = state.Conversation with { Pending = ConversationState.Paused } }, [new Reply("Paused. Your answers so far are saved; send /profile whenever you want to continue.")]);
        }

        var read = step.Read(state.Profile, ByNumber(step, state.Profile, text), Context);
        return read.Ok
            ? Advance(state, step, read.Profile!, read.Note)
            : (state, [Ask(step, state.Profile, read.Error)]);
    }

    /// <summary>Asks the current question again (after a side question or small talk).</summary>
    public IReadOnlyList<Reply> Reask(UserState state, string? preface) =>
        Step(state.Conversation.IntakeStep) is { } step ? [Ask(step, state.Profile, preface)] : [];

    /// <summary>Reads a direct "/profile set field value" without touching the dialogue position. "skip"/"unknown" clear a field; "none" is an answer (0 months, no letters).</summary>
    public ParseResult Set(ApplicantProfile profile, IntakeStep step, string value) =>
        AnswerReader.Normalize(value) is "skip" or "unknown" or "clear" or "unset" or "not given" && step.Id != "specialties"
            ? ParseResult.Success(step.Clear(profile))
            : step.Read(profile, value, Context);

    /// <summary>The question for a step, with its choices and Skip/Back buttons.</summary>
    public Reply Ask(IntakeStep step, ApplicantProfile profile, string? preface)
    {
        var current = step.Show(profile);
        var text = (preface is null ? string.Empty : preface + "\n\n")
            + $"**{Position(step, profile)}** {step.Question}"
            + (current is null ? string.Empty : $"\n_Currently: {Markup.Escape(current)}_");
        var choices = step.ChoicesAt(profile).Select(c => new Choice(c, ButtonPrefix + step.Id + ":" + c))
            .Append(new Choice("Skip", ButtonPrefix + step.Id + ":skip"))
            .Append(new Choice("Back", ButtonPrefix + step.Id + ":back"))
            .ToList();
        return new Reply(text) { Choices = choices, Visibility = Visibility.Private, Form = step.Id == "exams" ? ScoresForm : AnswerForm(step) };
    }

    /// <summary>
    /// A one-field form for the step's answer, for where the user cannot type back (the intake answered privately in a
    /// server channel); the engine drops it in direct chats. Submitted, it reads like the typed answer.
    /// </summary>
    public static FormRequest AnswerForm(IntakeStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new FormRequest(AnswerFormPrefix + step.Id, "Type your answer", [new FormField(AnswerField, step.Label, Required: true)]) { StandsInForTyping = true };
    }

    /// <summary>The step id and the text of a submitted <see cref="AnswerForm"/>; null for other forms.</summary>
    public static (string StepId, string Text)? TypedAnswer(FormContent form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.FormId.StartsWith(AnswerFormPrefix, StringComparison.Ordinal)
            ? (form.FormId[AnswerFormPrefix.Length..], form.Fields.TryGetValue(AnswerField, out var text) ? text : string.Empty)
            : null;
    }

    /// <summary>
    /// After several fields were filled at once (the scores form, a confirmed proposal), moves the intake from the
    /// current question to the first one that still needs an answer, and asks it.
    /// </summary>
    public (UserState State, IReadOnlyList<Reply> Replies) SkipAnswered(UserState state, string? preface = null)
    {
        var step = Step(state.Conversation.IntakeStep);
        if (step is null)
        {
            return (state, []);
        }

        if (Open(step, state.Profile, IsReview(state.Conversation)) || IsEditingOne(state.Conversation))
        {
            return (state, [Ask(step, state.Profile, preface)]);
        }

        return Advance(state, step, state.Profile, preface);
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

    /// <summary>The profile as a list of "label: value" lines; unknown fields read "not reported".</summary>
    public Reply Summary(ApplicantProfile profile, string heading, bool finished = false)
    {
        var context = Context;
        var lines = IntakeTable.Fields
            .Where(s => s.Show(profile) is not null || (s.IsMain && s.Applies(profile, context)))
            .Select(s => $"- {s.Label}: {Markup.Escape(s.Show(profile) ?? "not reported")}");
        var footer = finished
            ? "\n\nNext: /rank for your program list, /plan for how many to apply to, /explain-score for where your scores stand. Change anything with /profile set <field> <value>."
            : "\n\nChange a field with /profile set <field> <value> (e.g. /profile set step2ck 238), or /profile edit <field>.";
        var choices = finished
            ? new List<Choice> { new("Rank programs", "cmd:rank"), new("Application plan", "cmd:plan") }
            : [];
        return new Reply($"**{heading}**\n" + string.Join('\n', lines) + footer) { Visibility = Visibility.Private, Choices = choices };
    }

    private static bool IsReview(ConversationState conversation) => conversation.Pending == ReviewMode;

    /// <summary>Whether a question still needs asking: it applies, and it is unanswered (main questions are asked again in a review).</summary>
    private bool Open(IntakeStep step, ApplicantProfile profile, bool review) =>
        step.Applies(profile, Context) && (step.Show(profile) is null || (review && step.IsMain));

    /// <summary>"2" on a question whose choices are words means the second choice.</summary>
    private static string ByNumber(IntakeStep step, ApplicantProfile profile, string text)
    {
        var choices = step.ChoicesAt(profile);
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count
            && step.Id is not ("exams" or "usce" or "letters" or "extras") && !choices.Any(c => c.Any(char.IsDigit))
            ? choices[n - 1]
            : text;
    }

    private (UserState, IReadOnlyList<Reply>) Advance(UserState state, IntakeStep step, ApplicantProfile profile, string? note, bool skipGroup = false)
    {
        // Editing one field still asks what that answer leaves open (a 209–217 score's result, the attempts).
        if (IsEditingOne(state.Conversation) && NextStep(step, profile, review: false, skipGroup: false) is { } followUp && FollowsUp(step, followUp))
        {
            var asked = state with { Profile = profile, Conversation = state.Conversation with { IntakeStep = followUp.Id } };
            return (asked, [Ask(followUp, profile, note)]);
        }

        if (IsEditingOne(state.Conversation))
        {
            var done = state with { Profile = profile, Conversation = ConversationState.Idle with { Offers = state.Conversation.Offers } };
            return (done, [Reply.Private((note is null ? string.Empty : note + "\n\n") + $"Saved **{step.Label}**: {Markup.Escape(step.Show(profile) ?? "not reported")}. Send /profile to see everything, or /rank for your list.")]);
        }

        var review = IsReview(state.Conversation);
        var next = NextStep(step, profile, review, skipGroup);
        if (next is null)
        {
            var finished = new UserState(profile, ConversationState.Idle with { Offers = state.Conversation.Offers });
            IReadOnlyList<Reply> replies = [.. note is null ? Array.Empty<Reply>() : [Reply.Private(note)], Summary(profile, "That's everything — thank you! Here is your profile:", finished: true)];
            return (finished, replies);
        }

        var history = state.Conversation.History.Append(step.Id).ToList();
        var moved = state with { Profile = profile, Conversation = state.Conversation with { IntakeStep = next.Id, History = history, Pending = review ? ReviewMode : null } };
        return (moved, [Ask(next, profile, note)]);
    }

    private static bool FollowsUp(IntakeStep step, IntakeStep next) =>
        (step.Id, next.Id) is ("step2ck", "step2result" or "step2attempts") or ("step2result", "step2attempts") or ("step1", "step1attempts");

    private (UserState, IReadOnlyList<Reply>) Back(UserState state, IntakeStep step)
    {
        var history = state.Conversation.History;
        if (history.Count == 0 || Step(history[^1]) is not { } previous)
        {
            return (state, [Ask(step, state.Profile, "This is the first question, so there's nothing to go back to.")]);
        }

        var moved = state with { Conversation = state.Conversation with { IntakeStep = previous.Id, History = history.Take(history.Count - 1).ToList() } };
        return (moved, [Ask(previous, state.Profile, null)]);
    }

    private IntakeStep? NextStep(IntakeStep step, ApplicantProfile profile, bool review, bool skipGroup)
    {
        var steps = IntakeTable.Steps;
        for (var i = IndexOf(step) + 1; i < steps.Count; i++)
        {
            if (skipGroup && steps[i].Group == step.Id)
            {
                continue;
            }

            if (Open(steps[i], profile, review))
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

    /// <summary>"(3/8)": main questions only, so follow-ups never make the count grow.</summary>
    private string Position(IntakeStep step, ApplicantProfile profile)
    {
        var context = Context;
        var main = IntakeTable.Steps.Where(s => s.IsMain && s.Asked && (s.OnlyWhen?.Invoke(context) ?? true)).ToList();
        var index = main.FindIndex(s => s.Id == (step.Group ?? step.Id)) + 1;
        return index == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"({index}/{main.Count})");
    }
}
