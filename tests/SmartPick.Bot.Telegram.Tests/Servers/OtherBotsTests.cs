using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.Servers;

/// <summary>Issue 16 point 5: in community groups the bot never answers other bots (no bot-to-bot loops).</summary>
public sealed class OtherBotsTests : IAsyncLifetime
{
    private const long Group = -1001234567890;
    private const long Member = 2002;
    private const long OtherBot = 7007;
    private FakeBotApi _api = null!;
    private readonly FakeEngine _engine = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _host = TestBot.WithFakeEngine(_api, _engine, new InMemoryAdapterStateStore());
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task CommandsAndMentionsFromAnotherBotInAGroup_AreIgnored_WhileAMembersCommandIsAnswered()
    {
        // Arrange: another bot posts a command and an @mention before a member asks.
        _api.SendTextFromBot(OtherBot, "/rank", Group);
        _api.SendTextFromBot(OtherBot, "@" + _api.Username + " what is the match rate?", Group);

        // Act
        _api.SendText(Member, "/help", Group, group: true);
        await _api.WaitForSentAsync(Group, 1);

        // Assert: only the member reached the engine, and only the member's message was answered.
        var inbound = Assert.Single(_engine.Received);
        Assert.Equal(Member.ToString(System.Globalization.CultureInfo.InvariantCulture), inbound.UserId);
        Assert.Equal("help", Assert.IsType<CommandContent>(inbound.Content).Name);
        Assert.Single(_api.SentTo(Group));
    }
}
