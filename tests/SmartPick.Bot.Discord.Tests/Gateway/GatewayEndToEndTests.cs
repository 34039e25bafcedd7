using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Gateway;

/// <summary>The real WebSocket transport against the fake gateway (Kestrel on 127.0.0.1).</summary>
public sealed class GatewayEndToEndTests
{
    private const string DmJson = """{"id":"m1","channel_id":"700000000000000001","author":{"id":"53908232506183680","username":"resident42"},"content":"hello","mentions":[]}""";

    [Fact]
    public async Task DroppedConnection_ResumesOnResumeUrl_AndReplaysMissedEvents()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();

        // Act: the TCP connection drops; a DM arrives while we are away.
        bot.Fake.Gateway.DropAndQueue(("MESSAGE_CREATE", DmJson));
        var resume = await bot.Fake.Gateway.NextEventAsync();
        await BotHarness.WaitUntilAsync(() => bot.Fake.RequestsTo("/channels/700000000000000001/messages").Any());

        // Assert
        Assert.Equal("resume:/gw-resume:2", resume);
        Assert.Equal(1, bot.Fake.Gateway.Identifies);
        Assert.Equal("hello", Assert.IsType<TextContent>(Assert.Single(bot.Engine.Received).Content).Text);
        Assert.Empty(bot.Fake.ValidationErrors);
    }

    [Fact]
    public async Task ReconnectOpcode_ResumesWithoutIdentifying()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.Fake.Gateway.SendRawAsync("""{"op":7,"d":null}""");
        var closed = await bot.Fake.Gateway.NextEventAsync();
        var resume = await bot.Fake.Gateway.NextEventAsync();

        Assert.Equal("closed:4000", closed); // never 1000/1001, which would end the session
        Assert.StartsWith("resume:/gw-resume:", resume, StringComparison.Ordinal);
        Assert.Equal(1, bot.Fake.Gateway.Identifies);
    }

    [Fact]
    public async Task InvalidSession_IdentifiesAgainOnTheGatewayUrl()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.Fake.Gateway.SendRawAsync("""{"op":9,"d":false}""");
        await bot.Time.PumpUntilAsync(() => bot.Fake.Gateway.Identifies == 2);

        Assert.Equal("/gw", bot.Fake.Gateway.ConnectedPaths[^1]);
        Assert.Equal(0, bot.Fake.Gateway.Resumes);
    }

    [Fact]
    public async Task AuthenticationFailed4004_StopsTheApplicationWithoutReconnecting()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync(token: "wrong-token", waitForReady: false);
        var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();

        // Act
        await BotHarness.WaitUntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested);
        bot.Time.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(100);

        // Assert
        Assert.Single(bot.Fake.Gateway.ConnectedPaths);
        Assert.Equal(0, bot.Fake.Gateway.Identifies);
    }

    [Fact]
    public async Task TokenRejectedByRest_StopsTheApplicationBeforeConnecting()
    {
        await using var bot = await BotHarness.StartAsync(token: "wrong-token", waitForReady: false, requireRestAuth: true);
        var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();

        await BotHarness.WaitUntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested);

        Assert.Empty(bot.Fake.Gateway.ConnectedPaths);
        Assert.Single(bot.Fake.RequestsTo("/gateway/bot"));
    }

    [Fact]
    public async Task DirectMessage_GoesToTheEngine_AndBotOrGuildMessagesAreIgnored()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();
        bot.Engine.Answer = _ => Task.FromResult<IReadOnlyList<Reply>>([new Reply("Hi! Send /profile to start.")]);

        // Act
        await bot.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", """{"id":"b","channel_id":"700000000000000001","author":{"id":"111","bot":true},"content":"my own message"}""");
        await bot.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", """{"id":"g","channel_id":"800","guild_id":"222","author":{"id":"5"},"content":"guild chatter"}""");
        await bot.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", DmJson);
        await BotHarness.WaitUntilAsync(() => bot.Fake.RequestsTo("/channels/700000000000000001/messages").Any());

        // Assert
        var inbound = Assert.Single(bot.Engine.Received);
        Assert.Equal(ChatKind.Direct, inbound.ChatKind);
        Assert.Equal("700000000000000001", inbound.ConversationId);
        Assert.Empty(bot.Fake.ValidationErrors);
    }

    [Fact]
    public async Task RateLimitedChannelMessage_IsRetriedAfterRetryAfter()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();
        bot.Fake.Limits.Enqueue(new FakeDiscord.ScriptedLimit("/channels/", 0.75));

        // Act
        await bot.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", DmJson);
        await bot.Time.WaitForTimerAsync(TimeSpan.FromSeconds(0.75));
        bot.Time.Advance(TimeSpan.FromSeconds(0.75));
        await BotHarness.WaitUntilAsync(() => bot.Fake.RequestsTo("/channels/").Count() == 2);

        // Assert
        Assert.DoesNotContain(bot.Fake.Limits, l => l.Remaining > 0);
        Assert.Empty(bot.Fake.ValidationErrors);
    }
}
