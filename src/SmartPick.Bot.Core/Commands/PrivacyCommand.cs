using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Privacy;

namespace SmartPick.Bot.Core.Commands;

/// <summary>/privacy: what is stored, for how long, and how to see or delete it.</summary>
public sealed class PrivacyCommand(IOptions<PrivacyOptions> options)
{
    internal void Handle(Turn turn)
    {
        var o = options.Value;
        turn.Say(new Reply(
            "**What SmartPick stores about you**\n" +
            "- Your profile: the answers you gave (scores, graduation year, visa, experience, letters, preferences).\n" +
            "- Where you are in the conversation, and my last reply (so a message delivered twice is answered once).\n" +
            "- Your program list (/list) and your reminder settings (/remind), with a note of which reminders were sent.\n" +
            "- All of it is keyed by your platform user id; I never store your name, phone number or messages' text beyond the above.\n\n" +
            "**For how long**\n" +
            $"- Until you delete it, or until you have not written to me for {o.InactiveMonths} months: then everything is deleted automatically. " +
            $"I send you a private warning {o.WarningDays} days before, where the platform lets me.\n" +
            "- In servers and groups I count your commands of the last minute (so no one can make me flood a channel); that count, with your user id, is gone within minutes.\n" +
            "- Logs hold ids and timings only, never your answers, scores or message text.\n\n" +
            "**Your controls**\n" +
            "- /export — see everything stored (profile and list).\n" +
            "- /forget — delete everything about you at once (profile, conversation, list, reminders).\n" +
            "- /list clear — empty your list; /remind off — stop reminders.\n\n" +
            "In group chats your personal results are only ever shown to you. If the bot's operator enabled an AI model, your question " +
            "and your own profile are sent to that model to write the answer; nothing else is shared."));
    }
}
