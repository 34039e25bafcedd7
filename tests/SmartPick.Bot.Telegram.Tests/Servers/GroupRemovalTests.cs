using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.Servers;

/// <summary>Issue 16 point 1: a group that removes the bot (my_chat_member kicked/left) has its settings deleted; other groups keep theirs.</summary>
public sealed class GroupRemovalTests : IAsyncLifetime, IDisposable
{
    private const long Admin = 51_001;
    private readonly RealBot _bot = new();
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BotRemovedFromAGroup_DeletesThatGroupsSettingsOnly(bool kicked)
    {
        // Arrange
        var removed = new ServerKey("telegram", "-1001111");
        var other = new ServerKey("telegram", "-1002222");
        using var host = _bot.Build(_api);
        var store = host.Services.GetRequiredService<IServerSettingsStore>();
        await store.SetAsync(removed, new ServerSettings { Announcements = true }, CancellationToken.None);
        await store.SetAsync(other, new ServerSettings { Announcements = true }, CancellationToken.None);
        await host.StartAsync();

        // Act (the fake, like Telegram, drops update types missing from allowed_updates)
        _api.RemoveBotFromGroup(-1001111, Admin, kicked);
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
