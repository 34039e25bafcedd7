using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Servers;

/// <summary>Issue 16 point 1: a server that removes the bot has its settings deleted; a server outage changes nothing.</summary>
public sealed class GuildRemovalTests
{
    private static readonly ServerKey InOutage = new("discord", "197038439483310086");
    private static readonly ServerKey Removed = new("discord", "290926798626357999");

    [Fact]
    public async Task GuildDelete_WithoutUnavailable_DeletesThatServersSettings_AnOutageKeepsThem()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync(realEngine: true);
        var store = bot.Host.Services.GetRequiredService<IServerSettingsStore>();
        await store.SetAsync(InOutage, new ServerSettings { Announcements = true, AnnouncementChannelId = "41771983423143937" }, CancellationToken.None);
        await store.SetAsync(Removed, new ServerSettings { Announcements = true, AnnouncementChannelId = "41771983423143938" }, CancellationToken.None);

        // Act: Discord reports an outage of one guild, then the bot's removal from the other.
        await bot.Fake.Gateway.DispatchAsync("GUILD_DELETE", $$"""{"id":"{{InOutage.ServerId}}","unavailable":true}""");
        await bot.Fake.Gateway.DispatchAsync("GUILD_DELETE", $$"""{"id":"{{Removed.ServerId}}"}""");
        await WaitForAsync(async () => await store.GetAsync(Removed, CancellationToken.None) is null);

        // Assert
        Assert.NotNull(await store.GetAsync(InOutage, CancellationToken.None));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
