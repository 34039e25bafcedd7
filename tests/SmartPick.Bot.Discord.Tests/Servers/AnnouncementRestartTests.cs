using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Core.Servers.Announcements;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Servers;

/// <summary>
/// Issue 16 point 2 on the fake Discord: a process that claimed a server's date and died before posting, then two
/// restarts on the same database — the channel gets the post exactly once, after the dead claim's lease.
/// </summary>
public sealed class AnnouncementRestartTests
{
    private static readonly ServerKey Guild = new("discord", "197038439483310086");
    private const string Channel = "41771983423143937";

    [Fact]
    public async Task ADateClaimedByACrashedProcess_IsPostedOnceAfterItsLease_AcrossRestarts()
    {
        var database = Path.Combine(Path.GetTempPath(), $"smartpick-announce-{Guid.NewGuid():N}.db");
        try
        {
            // Arrange: the first process turns announcements on, claims today's due date and dies before posting.
            var key = string.Empty;
            await using (var crashed = await StartAsync(database))
            {
                await crashed.Host.Services.GetRequiredService<IServerSettingsStore>().SetAsync(Guild, new ServerSettings { Announcements = true, AnnouncementChannelId = Channel }, CancellationToken.None);
                var due = AnnouncementPlanner.Due(crashed.Host.Services.GetRequiredService<CycleTimeline>(), new ServerSettings { Announcements = true }, crashed.Time.GetUtcNow(), new AnnouncementOptions());
                key = Assert.Single(due).Key;
                Assert.True(await crashed.Host.Services.GetRequiredService<INotificationLedger>().TryClaimAsync(AnnouncementRunner.LedgerKey(Guild), key, crashed.Time.GetUtcNow(), TimeSpan.FromMinutes(10), CancellationToken.None));
            }

            // Act: a restart runs a check at once and again after the lease; a second restart checks again.
            int duringLease, afterLease, again, afterSecondRestart, posts;
            await using (var restarted = await StartAsync(database))
            {
                var runner = restarted.Host.Services.GetRequiredService<AnnouncementRunner>();
                duringLease = await runner.RunOnceAsync(CancellationToken.None);
                restarted.Time.Advance(TimeSpan.FromMinutes(11));
                afterLease = await runner.RunOnceAsync(CancellationToken.None);
                again = await runner.RunOnceAsync(CancellationToken.None);
                posts = restarted.Fake.RequestsTo($"/channels/{Channel}/messages").Count();
                Assert.Empty(restarted.Fake.ValidationErrors);
            }

            await using (var second = await StartAsync(database))
            {
                second.Time.Advance(TimeSpan.FromMinutes(30));
                afterSecondRestart = await second.Host.Services.GetRequiredService<AnnouncementRunner>().RunOnceAsync(CancellationToken.None);
                posts += second.Fake.RequestsTo($"/channels/{Channel}/messages").Count();
            }

            // Assert
            Assert.Equal((0, 1, 0, 0), (duringLease, afterLease, again, afterSecondRestart));
            Assert.Equal(1, posts);
        }
        finally
        {
            BotHarness.DeleteDatabase(database);
        }
    }

    private static Task<BotHarness> StartAsync(string database) =>
        BotHarness.StartAsync(realEngine: true, sharedDatabasePath: database, configure: s => s.AddSingleton(sp => TwoDaysAhead(sp.GetRequiredService<TimeProvider>())));

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
