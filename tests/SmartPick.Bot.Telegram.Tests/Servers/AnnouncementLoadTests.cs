using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Core.Servers.Announcements;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Telegram.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.Telegram.Tests.Servers;

/// <summary>
/// Issue 16 measurement: one date announced to 100 groups at once under the production send limits (25 messages/s
/// bot-wide, one message per 3 s per group). Asserts what the platform requires — every group once, never more than Telegram's
/// 30 in any second — and prints how long delivery took (a measurement, not an assertion).
/// </summary>
public sealed class AnnouncementLoadTests(ITestOutputHelper output) : RealBotTests
{
    private const int Groups = 100;

    [Fact]
    public async Task OneDateTo100Groups_EachOnce_WithinTheGlobalLimit()
    {
        // Arrange
        using var host = Bot.Build(Api, b =>
        {
            b.Configuration["SmartPick:Telegram:GlobalMessagesPerSecond"] = "25";
            b.Configuration["SmartPick:Telegram:PerGroupIntervalMilliseconds"] = "3000";
            b.Services.AddSingleton(sp => TwoDaysAhead(sp.GetRequiredService<TimeProvider>()));
        });
        var store = host.Services.GetRequiredService<IServerSettingsStore>();
        var groups = Enumerable.Range(1, Groups).Select(i => -1_000_000_000L - i).ToList();
        foreach (var group in groups)
        {
            Api.SendText(90_001, "hello", group, group: true); // the group exists
            await store.SetAsync(new ServerKey("telegram", group.ToString(CultureInfo.InvariantCulture)), new ServerSettings { Announcements = true }, CancellationToken.None);
        }

        var runner = host.Services.GetRequiredService<AnnouncementRunner>();

        // Act
        var watch = Stopwatch.StartNew();
        var attempted = await runner.RunOnceAsync(CancellationToken.None);
        watch.Stop();
        var again = await runner.RunOnceAsync(CancellationToken.None);

        // Assert
        var sends = Api.CallsOf("sendMessage").Where(c => c.Succeeded).ToList();
        Assert.Equal((Groups, 0), (attempted, again));
        Assert.Equal(groups.Order(), sends.Select(s => s.ChatId!.Value).Order());
        var busiestSecond = sends.Max(s => sends.Count(o => o.AtMs >= s.AtMs && o.AtMs < s.AtMs + 1000));
        Assert.InRange(busiestSecond, 1, 30); // Telegram's bot-wide limit; the bot paces at 25/s, arrival jitter can put 26 in a window
        Assert.DoesNotContain(Api.Calls, c => c.Status == 429);
        output.WriteLine($"{Groups} groups: delivered in {watch.Elapsed.TotalSeconds:F2} s ({Groups / watch.Elapsed.TotalSeconds:F1}/s), busiest second {busiestSecond} sends, 0 x 429, second pass 0");
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
