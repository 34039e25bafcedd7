using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Core.Servers.Announcements;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.Servers;

/// <summary>Issue 16 point 2 on Telegram: a due date is posted in the group; a 403 switches that group's announcements off, with the reason for its admins.</summary>
public sealed class AnnouncementTests : RealBotTests
{
    private const long Kicked = -1001111;
    private const long Open = -1002222;

    [Fact]
    public async Task DueDate_IsPostedInTheGroup_A403_SwitchesAnnouncementsOffWithTheReason()
    {
        // Arrange
        using var host = Bot.Build(Api, b => b.Services.AddSingleton(sp => TwoDaysAhead(sp.GetRequiredService<TimeProvider>())));
        var store = host.Services.GetRequiredService<IServerSettingsStore>();
        await store.SetAsync(Key(Kicked), new ServerSettings { Announcements = true }, CancellationToken.None);
        await store.SetAsync(Key(Open), new ServerSettings { Announcements = true }, CancellationToken.None);
        Api.SendText(71_001, "hello everyone", Open, group: true); // both groups exist (the bot never polls here)
        Api.SendText(71_001, "hello everyone", Kicked, group: true);
        Api.FailNext("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat"); // the first group in order

        // Act
        var attempted = await host.Services.GetRequiredService<AnnouncementRunner>().RunOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(2, attempted);
        var post = Assert.Single(Api.SentTo(Open));
        Assert.Contains("Rank order list deadline", post.Text, StringComparison.Ordinal);
        Assert.Contains("nrmp.org", post.Text, StringComparison.Ordinal);
        var off = await store.GetAsync(Key(Kicked), CancellationToken.None);
        Assert.False(off!.Announcements);
        Assert.Contains("403", off.AnnouncementsOffReason, StringComparison.Ordinal);
        Assert.True((await store.GetAsync(Key(Open), CancellationToken.None))!.Announcements);
    }

    [Fact]
    public async Task AGroupTelegramNoLongerKnows_SwitchesOffWithTheReason_InsteadOfRetryingForever()
    {
        using var host = Bot.Build(Api, b => b.Services.AddSingleton(sp => TwoDaysAhead(sp.GetRequiredService<TimeProvider>())));
        var store = host.Services.GetRequiredService<IServerSettingsStore>();
        await store.SetAsync(Key(-1009999), new ServerSettings { Announcements = true }, CancellationToken.None); // never seen by the fake: 400 chat not found

        await host.Services.GetRequiredService<AnnouncementRunner>().RunOnceAsync(CancellationToken.None);

        var off = await store.GetAsync(Key(-1009999), CancellationToken.None);
        Assert.False(off!.Announcements);
        Assert.Contains("chat not found", off.AnnouncementsOffReason, StringComparison.Ordinal);
    }

    private static ServerKey Key(long chat) => new("telegram", chat.ToString(CultureInfo.InvariantCulture));

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
