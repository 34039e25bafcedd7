using System.Globalization;
using System.Text.Json;
using SmartPick.Bot.Discord.Tests.FakeDiscord;

namespace SmartPick.Bot.LoadTest.Discord;

/// <summary>
/// One Discord user: runs its <see cref="DiscordScript"/> (in the server channel or in its DM), waiting for each answer. A dispatch lost with an invalidated
/// gateway session (the fake reports it) is what a user sees as "This interaction failed" or an unanswered message:
/// the user waits 3 s and does it again (counted as expired).
/// </summary>
/// <param name="think">The longest pause before a step (reading the question, typing in a form); each pause is drawn from
/// a quarter of it to all of it. Zero: each step follows the previous answer at once.</param>
public sealed class DiscordUser(FakeDiscordServer fake, DiscordInboxes inboxes, int index, TimeSpan replyTimeout, TimeSpan think = default)
{
    private readonly Random pace = new(index);

    private const string GuildChannel = "645027906669510667";
    private static int messageIds;

    public string UserId { get; } = (41_000_000_000_000_000L + index).ToString(CultureInfo.InvariantCulture);

    /// <summary>The DM channel the fake opens for this user ("9" + user id without its first digit).</summary>
    public string DmChannel => "9" + UserId[1..];

    public DiscordInbox Inbox { get; } = new();

    public IReadOnlyList<DiscordStep> Script { get; } = DiscordScript.For(index);

    /// <summary>Whether this user's intake runs in the server channel (ephemeral interaction responses) rather than the DM.</summary>
    public bool InServer => ReferenceEquals(Script, DiscordScript.InServer);

    private string? openForm;

    /// <summary>Send time of each step's delivered action (ms, harness clock), and its interaction id if any.</summary>
    public List<(double SentAtMs, string? InteractionId)> Sent { get; } = [];

    public List<double> AnsweredAtMs { get; } = [];

    public List<string> InteractionIds { get; } = [];

    public int Expired { get; private set; }

    public int CompletedSteps => AnsweredAtMs.Count;

    public string? Failure { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        inboxes.AddChannel(DmChannel, Inbox);
        var from = 0;
        foreach (var step in Script)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (think > TimeSpan.Zero && from > 0)
            {
                await Task.Delay(think * (0.25 + (0.75 * pace.NextDouble())), cancellationToken);
            }

            var question = Inbox.Messages.LastOrDefault(m => m.Body is { } b && b.TryGetProperty("components", out _));
            while (true)
            {
                var sentAt = DiscordInboxes.NowMs;
                bool delivered;
                string? interaction;
                try
                {
                    (delivered, interaction) = await ActAsync(step, question);
                }
                catch (InvalidOperationException ex)
                {
                    Failure = $"step {Sent.Count} ({step.Action} {step.Value}): {ex.Message}";
                    return;
                }

                if (delivered)
                {
                    Sent.Add((sentAt, interaction));
                    break;
                }

                Expired++;
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            }

            var found = await Inbox.WaitForAsync(from, step.Expect, replyTimeout);
            if (found < 0)
            {
                Failure = $"step {Sent.Count} ({step.Action} {step.Value}): no reply containing \"{step.Expect}\" within {replyTimeout.TotalSeconds:F0} s";
                return;
            }

            from = found + 1;
            AnsweredAtMs.Add(Inbox.Messages[found].AtMs);
        }
    }

    private async Task<(bool Delivered, string? InteractionId)> ActAsync(DiscordStep step, BotMessage? question)
    {
        switch (step.Action)
        {
            case DiscordAction.Text:
                var id = (1_200_000_000_000_000_000L + Interlocked.Increment(ref messageIds)).ToString(CultureInfo.InvariantCulture);
                var json = $$"""{"id":"{{id}}","channel_id":"{{DmChannel}}","author":{"id":"{{UserId}}","username":"user{{index}}"},"content":"{{step.Value}}","mentions":[]}""";
                return (await fake.Gateway.TryDispatchAsync("MESSAGE_CREATE", json), null);
            case DiscordAction.GuildCommand:
                return await InteractAsync(2, $$"""{"id":"1","name":"{{step.Value}}","type":1}""", inGuild: true);
            case DiscordAction.DmCommand:
                return await InteractAsync(2, $$"""{"id":"1","name":"{{step.Value}}","type":1}""", inGuild: false);
            case DiscordAction.OpenForm:
                var press = Choose(question, step.Value);
                openForm = JsonDocument.Parse(press).RootElement.GetProperty("custom_id").GetString()![InteractionFormPrefix.Length..];
                return await InteractAsync(3, press, InServer);
            case DiscordAction.SubmitForm:
                return await InteractAsync(5, step.Value == DiscordScript.ScoresForm ? DiscordScript.ScoresModal : AnswerModal(openForm, step.Value), InServer);
            default:
                return await InteractAsync(3, Choose(question, step.Value), InServer);
        }
    }

    private const string InteractionFormPrefix = "f:";
    private const string EphemeralQuestion = """{"id":"1300000000000000001","channel_id":"645027906669510667","flags":64,"content":"…","components":[]}""";

    /// <summary>A one-field answer form submitted in Discord's Label layout.</summary>
    private static string AnswerModal(string? formId, string value) =>
        "{\"custom_id\":" + JsonSerializer.Serialize(formId ?? throw new InvalidOperationException("no form was opened before the submit"))
        + ",\"components\":[{\"type\":18,\"component\":{\"type\":4,\"custom_id\":\"answer\",\"value\":" + JsonSerializer.Serialize(value) + "}}]}";

    private async Task<(bool, string?)> InteractAsync(int type, string data, bool inGuild)
    {
        // A press in the server channel (and a form it opened) is on an ephemeral question; Discord sends that message (flags 64) with it.
        var pressed = inGuild && type is 3 or 5 ? EphemeralQuestion : null;
        var json = fake.NewInteraction(type, data, inGuild, UserId, inGuild ? GuildChannel : DmChannel, messageJson: pressed);
        var id = JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
        inboxes.AddInteraction(id, Inbox);
        InteractionIds.Add(id);
        return (await fake.Gateway.TryDispatchAsync("INTERACTION_CREATE", json), id);
    }

    /// <summary>The component data for pressing the button, or picking the select option, labelled <paramref name="label"/>.</summary>
    private static string Choose(BotMessage? question, string label)
    {
        foreach (var component in Components(question?.Body))
        {
            var type = component.GetProperty("type").GetInt32();
            if (type == 2 && component.TryGetProperty("label", out var l) && l.GetString() == label)
            {
                return $$"""{"component_type":2,"custom_id":{{JsonSerializer.Serialize(component.GetProperty("custom_id").GetString())}}}""";
            }

            if (type == 3 && component.GetProperty("options").EnumerateArray().FirstOrDefault(o => o.GetProperty("label").GetString() == label) is { ValueKind: JsonValueKind.Object } option)
            {
                return $$"""{"component_type":3,"custom_id":{{JsonSerializer.Serialize(component.GetProperty("custom_id").GetString())}},"values":[{{JsonSerializer.Serialize(option.GetProperty("value").GetString())}}]}""";
            }
        }

        throw new InvalidOperationException($"no button or option \"{label}\" on the last question");
    }

    private static IEnumerable<JsonElement> Components(JsonElement? body)
    {
        if (body is not { } b || !b.TryGetProperty("components", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var row in rows.EnumerateArray())
        {
            foreach (var c in row.GetProperty("components").EnumerateArray())
            {
                yield return c;
            }
        }
    }
}
