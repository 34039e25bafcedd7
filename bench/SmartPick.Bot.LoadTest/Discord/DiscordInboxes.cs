using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using SmartPick.Bot.Discord.Tests.FakeDiscord;

namespace SmartPick.Bot.LoadTest.Discord;

/// <summary>One message the bot showed a user (callback 4/7/9, @original edit, followup or DM channel message).</summary>
/// <param name="Origin">The interaction it answers, or null for a DM channel message.</param>
public sealed record BotMessage(double AtMs, string Kind, string? Origin, string Text, JsonElement? Body);

/// <summary>
/// Routes the fake Discord's REST requests, as they arrive, to per-user inboxes: interaction callbacks and webhook
/// routes by interaction id/token, channel messages by DM channel. Also keeps the times of non-interaction requests,
/// to check Discord's global limit (50 requests/s).
/// </summary>
public sealed class DiscordInboxes
{
    private static readonly long Start = Stopwatch.GetTimestamp();
    private readonly ConcurrentDictionary<string, DiscordInbox> byInteraction = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DiscordInbox> byChannel = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<double> globalRouteTimes = new();
    private int unrouted;

    public DiscordInboxes(FakeDiscordServer fake) => fake.RequestRecorded = Route;

    public static double NowMs => Stopwatch.GetElapsedTime(Start).TotalMilliseconds;

    public IReadOnlyCollection<double> GlobalRouteTimes => globalRouteTimes;

    /// <summary>Requests about users the harness does not know (must stay 0).</summary>
    public int Unrouted => Volatile.Read(ref unrouted);

    private int deferrals;

    /// <summary>Interactions acknowledged with a deferral (5 or 6), answered later by an @original edit.</summary>
    public int Deferrals => Volatile.Read(ref deferrals);

    public void AddChannel(string channelId, DiscordInbox inbox) => byChannel[channelId] = inbox;

    public void AddInteraction(string interactionId, DiscordInbox inbox) => byInteraction[interactionId] = inbox;

    private void Route(RecordedRequest request)
    {
        var at = NowMs;
        var parts = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries); // api v10 ...
        if (parts.Length < 3)
        {
            return;
        }

        switch (parts[2])
        {
            case "interactions" when parts.Length == 6 && request.Body is { } body:
                Callback(at, parts[3], body);
                break;
            case "webhooks" when parts.Length >= 5:
                var id = parts[4].StartsWith("itoken", StringComparison.Ordinal) ? parts[4]["itoken".Length..] : parts[4];
                var kind = request.Method == "PATCH" ? "edit" : "followup";
                Deliver(byInteraction, id, new BotMessage(at, kind, id, TextOf(request.Body), request.Body));
                break;
            case "channels" when parts.Length == 5 && parts[4] == "messages":
                globalRouteTimes.Enqueue(at);
                Deliver(byChannel, parts[3], new BotMessage(at, "channel", null, TextOf(request.Body), request.Body));
                break;
            default:
                globalRouteTimes.Enqueue(at);
                break;
        }
    }

    private void Callback(double at, string id, JsonElement body)
    {
        var type = body.GetProperty("type").GetInt32();
        var data = body.TryGetProperty("data", out var d) ? d : (JsonElement?)null;
        switch (type)
        {
            case 4 or 7:
                Deliver(byInteraction, id, new BotMessage(at, "callback" + type, id, TextOf(data), data));
                break;
            case 9:
                Deliver(byInteraction, id, new BotMessage(at, "modal", id, "modal:" + data?.GetProperty("custom_id").GetString(), data));
                break;
            default:
                Interlocked.Increment(ref deferrals);
                break;
        }
    }

    private void Deliver(ConcurrentDictionary<string, DiscordInbox> map, string key, BotMessage message)
    {
        if (map.TryGetValue(key, out var inbox))
        {
            inbox.Add(message);
        }
        else
        {
            Interlocked.Increment(ref unrouted);
        }
    }

    /// <summary>What the user reads: content and embed descriptions, Markdown emphasis removed.</summary>
    public static string TextOf(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } b)
        {
            return string.Empty;
        }

        var text = b.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? string.Empty : string.Empty;
        if (b.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array)
        {
            text += string.Concat(embeds.EnumerateArray().Select(e => e.TryGetProperty("description", out var x) ? "\n" + x.GetString() : string.Empty));
        }

        return text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Replace("\\", string.Empty, StringComparison.Ordinal);
    }
}

/// <summary>The bot's messages to one user, in the order the fake received them.</summary>
public sealed class DiscordInbox
{
    private readonly List<BotMessage> messages = [];
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<BotMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    public void Add(BotMessage message)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            messages.Add(message);
            signal = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    /// <summary>Index of the first message at or after <paramref name="from"/> containing <paramref name="expect"/>, or -1 on timeout.</summary>
    public async Task<int> WaitForAsync(int from, string expect, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task signal;
            lock (gate)
            {
                for (var i = from; i < messages.Count; i++)
                {
                    if (messages[i].Text.Contains(expect, StringComparison.OrdinalIgnoreCase))
                    {
                        return i;
                    }
                }

                signal = changed.Task;
            }

            try
            {
                await signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                return -1;
            }
        }
    }
}
