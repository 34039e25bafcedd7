using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Tests.Support;

/// <summary>
/// Reads like a conversation: <c>await chat.Send("/profile").Expect("specialty").Send("IM").RunAsync()</c>.
/// Each Expect checks the replies to the most recent Send/Press.
/// </summary>
public sealed class ConversationScript(IConversationEngine engine, string platform, string userId, ChatKind kind)
{
    private readonly List<Func<Task>> _steps = [];

    public IReadOnlyList<Reply> Last { get; private set; } = [];

    /// <summary>Messages come from a shared channel whose private replies reach only the author (a Discord guild).</summary>
    public bool PrivateRepliesInPlace { get; init; }

    /// <summary>With <see cref="PrivateRepliesInPlace"/>: presses and forms come from public channel messages, not from the author's private ones.</summary>
    public bool PressesOnPublicMessages { get; init; }

    public ConversationScript Send(string text) => Then(new TextContent(text));

    public ConversationScript Command(string name, string arguments = "") => Then(new CommandContent(name, arguments));

    public ConversationScript Form(string formId, IReadOnlyDictionary<string, string> fields) => Then(new FormContent(formId, fields));

    /// <summary>Presses the button with this label among the last replies' choices.</summary>
    public ConversationScript Press(string label)
    {
        _steps.Add(async () =>
        {
            var choice = Last.SelectMany(r => r.Choices).FirstOrDefault(c => c.Label == label)
                ?? throw new Xunit.Sdk.XunitException($"No button \"{label}\" in: {Describe(Last)}");
            Last = await engine.HandleAsync(Message(new ButtonContent(choice.Payload)), CancellationToken.None);
        });
        return this;
    }

    /// <summary>Submits the last question's one-field answer form with <paramref name="text"/>, as a user would type it.</summary>
    public ConversationScript TypeInForm(string text)
    {
        _steps.Add(async () =>
        {
            var form = Last.Select(r => r.Form).LastOrDefault(f => f is { StandsInForTyping: true })
                ?? throw new Xunit.Sdk.XunitException($"No answer form in: {Describe(Last)}");
            Last = await engine.HandleAsync(Message(new FormContent(form.FormId, new Dictionary<string, string> { [form.Fields[0].Id] = text })), CancellationToken.None);
        });
        return this;
    }

    public ConversationScript PressPayload(string payload) => Then(new ButtonContent(payload));

    public ConversationScript Expect(string fragment)
    {
        _steps.Add(() =>
        {
            var text = string.Join("\n---\n", Last.Select(r => r.Text));
            Assert.True(text.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"Expected \"{fragment}\" in replies:\n{text}");
            return Task.CompletedTask;
        });
        return this;
    }

    public ConversationScript ExpectNot(string fragment)
    {
        _steps.Add(() =>
        {
            var text = string.Join("\n---\n", Last.Select(r => r.Text));
            Assert.False(text.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"Did not expect \"{fragment}\" in replies:\n{text}");
            return Task.CompletedTask;
        });
        return this;
    }

    public ConversationScript ExpectReplies(Action<IReadOnlyList<Reply>> check)
    {
        _steps.Add(() =>
        {
            check(Last);
            return Task.CompletedTask;
        });
        return this;
    }

    public async Task<ConversationScript> RunAsync()
    {
        foreach (var step in _steps)
        {
            await step();
        }

        _steps.Clear();
        return this;
    }

    private ConversationScript Then(InboundContent content)
    {
        _steps.Add(async () => Last = await engine.HandleAsync(Message(content), CancellationToken.None));
        return this;
    }

    private InboundMessage Message(InboundContent content) =>
        new(platform, kind == ChatKind.Group ? "group-1" : "dm-" + userId, userId, kind, content) { PrivateRepliesInPlace = PrivateRepliesInPlace, FromPrivateMessage = PrivateRepliesInPlace && !PressesOnPublicMessages && content is ButtonContent or FormContent };

    private static string Describe(IReadOnlyList<Reply> replies) => string.Join(" | ", replies.Select(r => r.Text));
}
