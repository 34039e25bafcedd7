using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Intake.Reading;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Intake;

/// <summary>
/// Statements of fact in free text ("i got 238 on ck, green card holder") become a proposal the user confirms before
/// anything is saved; the reply is personal (private, and in a group pointed to the direct chat).
/// </summary>
internal static class Statements
{
    /// <summary>Outside the intake: proposes what a first-person statement (or a list of two or more facts) says. False when it says nothing.</summary>
    public static bool Propose(Turn turn, string text, IntakeContext context)
    {
        var sheet = FactReader.Read(text, context);
        if (sheet.IsEmpty)
        {
            if (sheet.Notes.Count > 0 && Words.IsFirstPerson(text))
            {
                turn.SayPersonal([new Reply(string.Join(' ', sheet.Notes))], "profile");
                return true;
            }

            return false;
        }

        return (Words.IsFirstPerson(text) || sheet.Count >= 2) && Offer(turn, sheet);
    }

    /// <summary>
    /// During the intake: proposes the facts when they reach beyond the current question (its follow-ups included);
    /// an answer to the current question itself is left to that question's reader.
    /// </summary>
    public static bool ProposeInIntake(Turn turn, string text, IntakeContext context)
    {
        if (IntakeDialogue.Step(turn.State.Conversation.IntakeStep) is not { } step)
        {
            return false;
        }

        var sheet = FactReader.Read(text, context);
        if (sheet.IsEmpty || ProfileProposal.Prepare(turn.State.Profile, sheet.Profile) is not { } patch)
        {
            return false;
        }

        var group = step.Group ?? step.Id;
        var merged = ProfileProposal.Apply(turn.State.Profile, patch);
        var changed = IntakeTable.Fields.Where(s => s.Show(merged) is not null && s.Show(merged) != s.Show(turn.State.Profile));
        return !changed.All(s => s.Id == group || s.Group == group) && Offer(turn, sheet);
    }

    private static bool Offer(Turn turn, FactSheet sheet)
    {
        var current = turn.State.Profile;
        if (ProfileProposal.Prepare(current, sheet.Profile) is not { } patch)
        {
            turn.SayPersonal([new Reply("That matches what I already have. Send /profile to see everything.")], "profile");
            return true;
        }

        turn.State = turn.State with { Conversation = turn.State.Conversation with { Proposal = patch } };
        turn.SayPersonal([ProfileProposal.Ask(current, patch, sheet.Notes)], "profile");
        return true;
    }
}
