using System.Globalization;
using System.Text;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Core.Engine;

/// <summary>
/// Durable pending interactions. After every turn the engine stores the choices it offered (<see cref="Record"/>), so:
/// a payload longer than a platform allows (Telegram callback_data 64 bytes, Discord custom_id 100 characters) is
/// sent as a token "~{set}.{index}" and resolved from the stored state; a typed label, the choice's number, or
/// yes/no/cancel/delete for a confirmation works like the press on every platform; and a press of an unknown or
/// stale choice gets "that choice expired — here it is again" with the buttons re-sent. A confirmation is any pair of
/// choices whose payloads end in ":yes" and ":no". Commands may use payloads of any length ("cmd:rank IM socal page 2").
/// </summary>
public static class PendingChoices
{
    public const int MaxWireBytes = 64;
    public const string TokenPrefix = "~";
    private const int Kept = 5;
    private const string ExpiredPreface = "That choice expired — here it is again:\n\n";

    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal)
    {
        "yes", "y", "yeah", "yep", "yup", "ok", "okay", "sure", "confirm", "save", "save it", "delete", "yes delete", "yes, delete", "do it", "go ahead",
        "yes please", "correct", "right", "that's right", "thats right",
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "nah", "cancel", "discard", "don't", "dont", "no thanks", "stop", "never mind", "nevermind", "keep", "wrong",
    };

    /// <summary>Stores the turn's choices in its state and gives long payloads their token.</summary>
    internal static void Record(Turn turn)
    {
        var conversation = turn.State.Conversation;

        // A handler that started a fresh conversation state must not restart the numbering: old buttons would point at new choices.
        var previous = conversation.Offers.Count > 0 ? conversation.Offers : turn.Original.Conversation.Offers;

        // Vote buttons fit the wire as they are and belong to whoever reads the answer, not to this user's choices.
        var withChoices = turn.Replies.Where(r => r.Choices.Any(c => !Servers.Feedback.FeedbackButtons.IsVote(c.Payload))).ToList();
        if (withChoices.Count == 0)
        {
            if (previous.Count > 0 && previous[^1].Choices.Count > 0)
            {
                turn.State = turn.State with { Conversation = conversation with { Offers = Keep(previous, new OfferedChoices(previous[^1].Id + 1, string.Empty, [])) } };
            }

            return;
        }

        // A first set starts at a random number, so buttons left in a chat from before /forget resolve to nothing.
        var id = previous.Count == 0 ? Random.Shared.Next(1, 10_000) : previous[^1].Id + 1;
        var offered = new List<OfferedChoice>();
        for (var r = 0; r < turn.Replies.Count; r++)
        {
            var reply = turn.Replies[r];
            if (reply.Choices.Count == 0)
            {
                continue;
            }

            var wired = new List<Choice>();
            foreach (var choice in reply.Choices)
            {
                if (Servers.Feedback.FeedbackButtons.IsVote(choice.Payload))
                {
                    wired.Add(choice);
                    continue;
                }

                var wire = Fits(choice.Payload) ? choice.Payload : string.Create(CultureInfo.InvariantCulture, $"{TokenPrefix}{id}.{offered.Count}");
                offered.Add(new OfferedChoice(choice.Label, choice.Payload, wire));
                wired.Add(choice with { Payload = wire });
            }

            turn.Replies[r] = reply with { Choices = wired };
        }

        var prompt = withChoices[^1].Text.StartsWith(ExpiredPreface, StringComparison.Ordinal) ? withChoices[^1].Text[ExpiredPreface.Length..] : withChoices[^1].Text;
        turn.State = turn.State with { Conversation = conversation with { Offers = Keep(previous, new OfferedChoices(id, prompt, offered)) } };
    }

    /// <summary>The payload behind a pressed button: itself, or what its token stands for; null when the token is unknown.</summary>
    public static string? Resolve(ConversationState conversation, string payload)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return payload;
        }

        return conversation.Offers.SelectMany(o => o.Choices).FirstOrDefault(c => c.Wire == payload)?.Payload;
    }

    /// <summary>
    /// The payload a typed message stands for among the choices of the latest turn: a label, the choice's number
    /// (when no label is itself a number), or a yes/no word for a confirmation. Null when it is none of these.
    /// </summary>
    public static string? MatchTyped(ConversationState conversation, string text)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.Offers.Count == 0 || conversation.Offers[^1].Choices is not { Count: > 0 } choices)
        {
            return null;
        }

        var typed = AnswerReader.Normalize(text);
        var byLabel = choices.FirstOrDefault(c => AnswerReader.Normalize(c.Label) == typed);
        if (byLabel is not null)
        {
            return byLabel.Payload;
        }

        var numericLabels = choices.Any(c => int.TryParse(c.Label, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        var intake = choices.Any(c => c.Payload.StartsWith(IntakeDialogue.ButtonPrefix, StringComparison.Ordinal));
        if (!numericLabels && !intake && int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count)
        {
            return choices[n - 1].Payload;
        }

        var yes = choices.FirstOrDefault(c => c.Payload.EndsWith(":yes", StringComparison.Ordinal));
        var no = choices.FirstOrDefault(c => c.Payload.EndsWith(":no", StringComparison.Ordinal));
        if (yes is null || no is null)
        {
            return null;
        }

        return YesWords.Contains(typed) ? yes.Payload : NoWords.Contains(typed) ? no.Payload : null;
    }

    /// <summary>"That choice expired — here it is again", with the latest offered choices when there are any.</summary>
    public static Reply Expired(ConversationState conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var last = conversation.Offers.LastOrDefault(o => o.Choices.Count > 0);
        return last is null
            ? Reply.Private("That choice expired. Send /help to see what I can do.")
            : Reply.Private(ExpiredPreface + last.Prompt) with { Choices = [.. last.Choices.Select(c => new Choice(c.Label, c.Payload))] };
    }

    private static bool Fits(string payload) =>
        !payload.StartsWith(TokenPrefix, StringComparison.Ordinal) && Encoding.UTF8.GetByteCount(payload) <= MaxWireBytes;

    private static List<OfferedChoices> Keep(IReadOnlyList<OfferedChoices> previous, OfferedChoices next) =>
        [.. previous.Skip(Math.Max(0, previous.Count + 1 - Kept)), next];
}
