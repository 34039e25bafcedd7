using SmartPick.Bot.Core.Commands;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Servers;

/// <summary>
/// /faq: the curated topics as choices (a Discord select menu, a Telegram inline keyboard); picking one runs
/// "/faq &lt;section id&gt;", which posts that guide section whole as a guide answer. Works in groups and DMs alike:
/// guide sections hold no personal data.
/// </summary>
public sealed class FaqCommand(IGuideTopics topics)
{
    public const string PayloadPrefix = "cmd:faq ";

    internal async Task HandleAsync(Turn turn, CommandContent command, CancellationToken cancellationToken)
    {
        var wanted = command.Option("topic") ?? command.Arguments.Trim();
        if (wanted.Length > 0 && await topics.SectionAsync(wanted, cancellationToken) is { } answer)
        {
            turn.Say(Feedback.FeedbackButtons.Attach(new Reply(AdviceCommands.Render(answer)), answer));
            return;
        }

        if (topics.Topics.Count == 0)
        {
            turn.Say(new Reply("The quick topics are not available right now. Ask your question with /ask instead."));
            return;
        }

        var intro = wanted.Length > 0 ? "I don't have that topic. Pick one of these:" : "Pick a topic:";
        turn.Say(new Reply(intro) { Choices = [.. topics.Topics.Select(t => new Choice(t.Label, PayloadPrefix + t.SectionId))] });
    }
}
