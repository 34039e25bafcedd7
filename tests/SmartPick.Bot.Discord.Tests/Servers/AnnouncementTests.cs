using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Core.Servers.Announcements;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Servers;

/// <summary>Issue 16 point 2 on Discord: a due date is posted to the chosen channel; a channel closed to the bot switches announcements off and /settings says why.</summary>
public sealed class AnnouncementTests
{
    private const string ClosedChannel = "50013000000000001";
    private const string OpenChannel = "41771983423143937";
    private static readonly ServerKey ClosedGuild = new("discord", "222"); // the fake's guild, so /settings runs there
    private static readonly ServerKey OpenGuild = new("discord", "444444444444444444");

    [Fact]
    public async Task DueDate_IsPostedToTheChannel_ClosedChannel_SwitchesOffWithTheReasonShownToTheNextAdmin()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync(realEngine: true, configure: s => s.AddSingleton(sp => TwoDaysAhead(sp.GetRequiredService<TimeProvider>())));
        var store = bot.Host.Services.GetRequiredService<IServerSettingsStore>();
        await store.SetAsync(OpenGuild, new ServerSettings { Announcements = true, AnnouncementChannelId = OpenChannel }, CancellationToken.None);
        await store.SetAsync(ClosedGuild, new ServerSettings { Announcements = true, AnnouncementChannelId = ClosedChannel }, CancellationToken.None);
        bot.Fake.ChannelErrors[ClosedChannel] = 50013;

        // Act
        var attempted = await bot.Host.Services.GetRequiredService<AnnouncementRunner>().RunOnceAsync(CancellationToken.None);
        var settings = await bot.InteractAsync(2, """{"id":"9","name":"settings","type":1}""", inGuild: true, permissions: "32");

        // Assert
        Assert.Equal(2, attempted);
        var post = Assert.Single(bot.Fake.RequestsTo($"/channels/{OpenChannel}/messages")).Body!.Value.GetRawText();
        Assert.Contains("ERAS applications open", post, StringComparison.Ordinal);
        Assert.Contains("https://students-residents.aamc.org/", post, StringComparison.Ordinal);
        var closed = await store.GetAsync(ClosedGuild, CancellationToken.None);
        Assert.False(closed!.Announcements);
        var shown = bot.Fake.RequestsTo($"/interactions/{settings.Id}/").Single().Body!.Value.GetProperty("data").GetProperty("content").GetString();
        Assert.Contains("I switched them off", shown, StringComparison.Ordinal);
        Assert.Contains("50013", shown, StringComparison.Ordinal);
        Assert.Equal(0, await bot.Host.Services.GetRequiredService<AnnouncementRunner>().RunOnceAsync(CancellationToken.None)); // each once, none again
        Assert.Empty(bot.Fake.ValidationErrors);
    }

    private static CycleTimeline TwoDaysAhead(TimeProvider clock)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(ServerSettings.DefaultTimeZone)).DateTime).AddDays(2);
        return CycleTimeline.Parse(
        [
            "cycle,event,date,source_url,retrieved_on,estimate_basis",
            $"2026-27,ERAS applications open,{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)},https://students-residents.aamc.org/applying-residencies-eras/publication-chapters/eras-timeline,2026-12-04,",
        ], "cycles.csv");
    }
}
