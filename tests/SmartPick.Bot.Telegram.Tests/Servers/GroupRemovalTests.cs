using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.Servers;

/// <summary>Issue 16 point 1: a group that removes the bot (my_chat_member kicked/left) has its settings deleted; other groups keep theirs.</summary>
public sealed class GroupRemovalTests : RealBotTests
{
    private const long Admin = 51_001;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BotRemovedFromAGroup_DeletesThatGroupsSettingsOnly(bool kicked)
    {
        // Arrange
        var removed = new ServerKey("telegram", "-1001111");
        var other = new ServerKey("telegram", "-1002222");
        using var host = Bot.Build(Api);
        var store = host.Services.GetRequiredService<IServerSettingsStore>();
        await store.SetAsync(removed, new ServerSettings { Announcements = true }, CancellationToken.None);
        await store.SetAsync(other, new ServerSettings { Announcements = true }, CancellationToken.None);
        await host.StartAsync();

        // Act (the fake, like Telegram, drops update types missing from allowed_updates)
        Api.RemoveBotFromGroup(-1001111, Admin, kicked);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await store.GetAsync(removed, CancellationToken.None) is not null)
        {
            await Task.Delay(20, timeout.Token);
        }

        // Assert
        Assert.NotNull(await store.GetAsync(other, CancellationToken.None));
        await host.StopAsync();
    }
}
