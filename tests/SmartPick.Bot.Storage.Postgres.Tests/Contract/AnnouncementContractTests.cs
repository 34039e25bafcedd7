using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Core.Servers.Announcements;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Contract;

/// <summary>
/// Issue 16 point 2 on each provider: a server hears about each upcoming date exactly once — across a crash mid-send,
/// a restart and a second instance — and nothing during its quiet hours (it hears after they end).
/// </summary>
public sealed class AnnouncementContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // 09:00 in Los Angeles; the rank order list deadline is two days later, Match Day far away.
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 17, 0, 0, TimeSpan.Zero);
    private static readonly ServerKey Guild = new("discord", "197038439483310086");
    private static readonly ServerKey Group = new("telegram", "-1001234567890");
    private static readonly ServerKey QuietGuild = new("discord", "290926798626357999");

    private static readonly CycleTimeline Timeline = CycleTimeline.Parse(
    [
        "cycle,event,date,source_url,retrieved_on,estimate_basis",
        "2026-27,Rank order list deadline (9 p.m. ET),2027-03-03,https://www.nrmp.org/match-calendars/,2026-12-04,",
        "2026-27,SOAP eligibility list posted,2027-03-03,https://www.nrmp.org/match-calendars/,2026-12-04,",
        "2026-27,Match Day,2027-03-19,https://www.nrmp.org/match-calendars/,2026-12-04,",
    ], "cycles.csv");

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task EachServerHearsOfEachDateOnce_AcrossACrashMidSend_ARestartAndASecondInstance(string provider)
    {
        // Arrange
        using var storage = TestStorage.Create(provider);
        var clock = new FakeTimeProvider(Start);
        var delivered = new ConcurrentQueue<(ServerKey Server, string Text)>();
        var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crashing = Instance(storage, clock, delivered, (Guild, hanging));
        var settings = storage.Get<IServerSettingsStore>(crashing);
        await settings.SetAsync(Guild, new ServerSettings { Announcements = true, AnnouncementChannelId = "41771983423143937" }, None);
        await settings.SetAsync(Group, new ServerSettings { Announcements = true }, None);

        // Act 1: the first instance claims the guild's date and dies while the post is in flight (nothing arrived).
        using (var kill = new CancellationTokenSource())
        {
            var run = crashing.GetRequiredService<AnnouncementRunner>().RunOnceAsync(kill.Token);
            await hanging.Task;
            await kill.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        // Act 2: a restarted instance and a second one, before and after the dead claim's 10-minute lease.
        var restarted = Instance(storage, clock, delivered);
        var second = Instance(storage, clock, delivered);
        await restarted.GetRequiredService<AnnouncementRunner>().RunOnceAsync(None);
        var beforeLease = delivered.Select(d => d.Server).ToList();
        clock.Advance(TimeSpan.FromMinutes(11));
        await Task.WhenAll(restarted.GetRequiredService<AnnouncementRunner>().RunOnceAsync(None), second.GetRequiredService<AnnouncementRunner>().RunOnceAsync(None));
        for (var hour = 0; hour < 72; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await second.GetRequiredService<AnnouncementRunner>().RunOnceAsync(None);
        }

        // Assert: the group was not held up by the dead claim; the guild got its post once the lease ran out; one post per date.
        Assert.Equal([Group], beforeLease);
        Assert.Equal(1, delivered.Count(d => d.Server == Guild));
        Assert.Equal(1, delivered.Count(d => d.Server == Group));
        var text = delivered.First(d => d.Server == Guild).Text;
        Assert.Contains("Rank order list deadline", text, StringComparison.Ordinal);
        Assert.Contains("SOAP eligibility list posted", text, StringComparison.Ordinal); // same date, same post
        Assert.Contains("https://www.nrmp.org/match-calendars/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Match Day", string.Concat(delivered.Select(d => d.Text)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task NothingIsPostedDuringQuietHours_TheDateIsAnnouncedWhenTheyEnd(string provider)
    {
        // Arrange: quiet 08:00-20:00 in Los Angeles; it is 09:00 there.
        using var storage = TestStorage.Create(provider);
        var clock = new FakeTimeProvider(Start);
        var delivered = new ConcurrentQueue<(ServerKey Server, string Text)>();
        var instance = Instance(storage, clock, delivered);
        await storage.Get<IServerSettingsStore>(instance).SetAsync(QuietGuild, new ServerSettings { Announcements = true, AnnouncementChannelId = "1", QuietFromHour = 8, QuietToHour = 20 }, None);
        var runner = instance.GetRequiredService<AnnouncementRunner>();
        var postedAt = new List<DateTimeOffset>();

        // Act: a check every 10 minutes for a day.
        for (var i = 0; i < 144; i++)
        {
            var before = delivered.Count;
            await runner.RunOnceAsync(None);
            if (delivered.Count > before)
            {
                postedAt.Add(clock.GetUtcNow());
            }

            clock.Advance(TimeSpan.FromMinutes(10));
        }

        // Assert: one post, at 20:00 Los Angeles time (04:00 UTC), the first check after the quiet hours.
        var at = Assert.Single(postedAt);
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 4, 0, 0, TimeSpan.Zero), at);
    }

    private static IServiceProvider Instance(TestStorage storage, FakeTimeProvider clock, ConcurrentQueue<(ServerKey, string)> delivered, (ServerKey Server, TaskCompletionSource Reached)? hang = null) => storage.NewInstance(b =>
    {
        b.Services.AddSingleton<TimeProvider>(clock);
        b.Services.AddSingleton(Timeline);
        b.Services.AddSingleton<IServerMessenger>(new RecordingMessenger("discord", delivered, hang));
        b.Services.AddSingleton<IServerMessenger>(new RecordingMessenger("telegram", delivered, hang));
        b.Services.AddOptions<AnnouncementOptions>();
        b.Services.AddSingleton<AnnouncementRunner>();
    });

    /// <summary>Records what reached each server; the server given in <c>hang</c> never gets an answer (the process dies mid-send).</summary>
    private sealed class RecordingMessenger(string platform, ConcurrentQueue<(ServerKey, string)> delivered, (ServerKey Server, TaskCompletionSource Reached)? hang) : IServerMessenger
    {
        public string Platform => platform;

        public async Task<ServerSendResult> SendAsync(ServerKey server, string? channelId, Reply reply, CancellationToken cancellationToken)
        {
            if (hang is { } h && server == h.Server)
            {
                h.Reached.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            delivered.Enqueue((server, reply.Text));
            return ServerSendResult.Sent;
        }
    }
}
