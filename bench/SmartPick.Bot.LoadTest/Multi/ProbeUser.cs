using System.Globalization;
using System.Text.Json;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.LoadTest.Discord;

namespace SmartPick.Bot.LoadTest.Multi;

/// <summary>
/// A user who keeps using /help, one at a time, as people do when a bot stops answering: in their DM (shard 0) or, with
/// a <paramref name="guildId"/>, in that server. An interaction no session received fails at once ("This interaction
/// failed"); one without an answer after 10 s went to a host that died. Either way the user tries again. Times are on
/// the <see cref="DiscordInboxes.NowMs"/> clock.
/// </summary>
public sealed class ProbeUser(FakeDiscordServer fake, DiscordInboxes inboxes, int index, string? guildId = null)
{
    public const long FirstUserId = 42_000_000_000_000_000L;

    private readonly List<(string Id, double SentAtMs, double AnsweredAtMs)> answered = [];

    public string UserId { get; } = (FirstUserId + index).ToString(CultureInfo.InvariantCulture);

    public string? GuildId { get; } = guildId;

    public DiscordInbox Inbox { get; } = new();

    /// <summary>Each answered interaction, when it was sent and when its answer arrived.</summary>
    public IReadOnlyList<(string Id, double SentAtMs, double AnsweredAtMs)> Answered
    {
        get
        {
            lock (answered)
            {
                return [.. answered];
            }
        }
    }

    /// <summary>Interactions delivered to a session and never answered (the host holding it died).</summary>
    public List<(string Id, double SentAtMs)> Unanswered { get; } = [];

    /// <summary>Interactions no session of the shard received.</summary>
    public int Failed { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        var channel = "9" + UserId[1..];
        inboxes.AddChannel(channel, Inbox);
        while (!stop.IsCancellationRequested)
        {
            var json = fake.NewInteraction(2, """{"id":"1","name":"help","type":1}""", inGuild: GuildId is not null, UserId, GuildId is null ? channel : "645027906669510667");
            var id = JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
            inboxes.AddInteraction(id, Inbox);
            var sentAt = DiscordInboxes.NowMs;
            if (!await fake.Gateway.TryDispatchAsync("INTERACTION_CREATE", json))
            {
                Failed++;
                continue;
            }

            while (Inbox.Messages.FirstOrDefault(m => m.Origin == id) is null && DiscordInboxes.NowMs - sentAt < 10_000)
            {
                await Task.Delay(20, CancellationToken.None);
            }

            if (Inbox.Messages.FirstOrDefault(m => m.Origin == id) is { } answer)
            {
                lock (answered)
                {
                    answered.Add((id, sentAt, answer.AtMs));
                }
            }
            else
            {
                Unanswered.Add((id, sentAt));
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    public int AnsweredCount
    {
        get
        {
            lock (answered)
            {
                return answered.Count;
            }
        }
    }
}
