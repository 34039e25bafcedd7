using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Core.Servers.Announcements;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Discord.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.Discord.Tests.Servers;

/// <summary>
/// Issue 16 measurement on Discord: one date announced to 100 guilds, through the real REST client (route buckets from
/// the fake's rate-limit headers, the 50/s global limit) on the fake clock. Asserts every guild once with valid bodies;
/// prints the fake-time delivery span and the busiest second as the fake saw it (recorded while fake time is pumped in
/// 50 ms steps, so a post granted at t may be stamped up to a step later: a measurement, not an assertion).
/// </summary>
public sealed class AnnouncementLoadTests(ITestOutputHelper output)
{
    private const int Guilds = 100;

    [Fact]
    public async Task OneDateTo100Guilds_EachOnce_WithinTheGlobalLimit()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync(realEngine: true, configure: s => s.AddSingleton(sp => TwoDaysAhead(sp.GetRequiredService<TimeProvider>())));
        var store = bot.Host.Services.GetRequiredService<IServerSettingsStore>();
        for (var i = 1; i <= Guilds; i++)
        {
            var id = (900000000000000000L + i).ToString(CultureInfo.InvariantCulture);
            await store.SetAsync(new ServerKey("discord", id), new ServerSettings { Announcements = true, AnnouncementChannelId = "8" + id[1..] }, CancellationToken.None);
        }

        var posted = new List<DateTimeOffset>();
        bot.Fake.RequestRecorded = r =>
        {
            if (r.Path.Contains("/channels/", StringComparison.Ordinal) && r.Method == "POST")
            {
                lock (posted)
                {
                    posted.Add(bot.Time.GetUtcNow());
                }
            }
        };
        var started = bot.Time.GetUtcNow();

        // Act
        var run = bot.Host.Services.GetRequiredService<AnnouncementRunner>().RunOnceAsync(CancellationToken.None);
        await bot.Time.PumpUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(50));
        var attempted = await run;

        // Assert
        Assert.Equal(Guilds, attempted);
        var posts = bot.Fake.RequestsTo("/channels/").Select(r => r.Path).ToList();
        Assert.Equal((Guilds, Guilds), (posts.Count, posts.Distinct().Count()));
        Assert.Empty(bot.Fake.ValidationErrors);
        var busiest = posted.Max(p => posted.Count(o => o >= p && o < p.AddSeconds(1)));
        output.WriteLine($"{Guilds} guilds: last post after {(posted.Max() - started).TotalSeconds:F2} s of fake time, busiest second {busiest} posts");
    }

    private static CycleTimeline TwoDaysAhead(TimeProvider clock)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(ServerSettings.DefaultTimeZone)).DateTime).AddDays(2);
        return CycleTimeline.Parse(
        [
            "cycle,event,date,source_url,retrieved_on,estimate_basis",
            $"2026-27,Rank order list deadline,{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)},https://www.nrmp.org/match-calendars/,2026-12-04,",
        ], "cycles.csv");
    }
}
