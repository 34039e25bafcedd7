using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Servers.Feedback;

/// <summary>
/// "Share my question" under a cited guide answer, offered in direct chats only (in a group the answer is public and
/// the confirmation would have to be too). The button's payload holds the masked question and the cited sections; a
/// long one goes on the wire as a pending-choice token (<see cref="PendingChoices"/>). A press shows the exact text that
/// would be stored and asks yes/no; only a yes stores it, with sections, platform and time and no user id.
/// </summary>
public sealed class ShareQuestionCommand(IFeedbackStore store, TimeProvider clock)
{
    public const string Prefix = "share:";
    private const string Offer = Prefix + "ask:";
    private const string Store = Prefix + "store:";
    private const string Decline = Prefix + "drop:no";

    public static bool IsShare(string payload) => payload.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Adds the button next to 👍/👎 (their sections); the reply is unchanged when it has no vote buttons.</summary>
    public static Reply Attach(Reply reply, string question)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var vote = reply.Choices.FirstOrDefault(c => FeedbackButtons.IsVote(c.Payload));
        if (vote is null || !FeedbackButtons.TryParse(vote.Payload, out _, out var sections) || string.IsNullOrWhiteSpace(question))
        {
            return reply;
        }

        return reply with { Choices = [.. reply.Choices, new Choice("Share my question", Offer + string.Join(',', sections) + "|" + QuestionMask.Mask(question))] };
    }

    internal async Task HandleAsync(Turn turn, string payload, CancellationToken cancellationToken)
    {
        if (turn.InGroup)
        {
            return; // never offered there
        }

        if (payload == Decline)
        {
            turn.Say(Reply.Private("OK — nothing was stored."));
            return;
        }

        var confirmed = payload.StartsWith(Store, StringComparison.Ordinal) && payload.EndsWith(":yes", StringComparison.Ordinal);
        var body = confirmed ? payload[Store.Length..^":yes".Length] : payload.StartsWith(Offer, StringComparison.Ordinal) ? payload[Offer.Length..] : null;
        var bar = body?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (body is null || bar <= 0)
        {
            return;
        }

        var sections = body[..bar].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var text = QuestionMask.Mask(body[(bar + 1)..]); // again: a hand-made payload is masked all the same
        if (!confirmed)
        {
            turn.Say(Reply.Private($"This is exactly what I would store, with the guide sections it cited and no user id:\n\n“{Markup.Escape(text)}”\n\nShare it with the maintainers?")
                with { Choices = [new Choice("Yes, share it", Store + body + ":yes"), new Choice("No", Decline)] });
            return;
        }

        await store.AddSharedAsync(new SharedQuestion(turn.Message.Platform, text, sections, clock.GetUtcNow()), cancellationToken);
        turn.Say(Reply.Private("Thanks — your question was stored without your user id. It helps us test the guide."));
    }
}
