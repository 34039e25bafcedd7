using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Gateway;

/// <summary>The real host and WebSocket transport against the fake gateway sending each kind of bad payload.</summary>
public sealed class ProtocolFaultEndToEndTests
{
    public static TheoryData<string> Kinds => ["invalid json", "unknown op", "wrong-typed sequence", "binary frame", "oversized frame"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task BadPayload_HostStaysUp_ResumesAndAnswersTheNextInteraction(string kind)
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();
        var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();

        // Act: once the session is established (READY handled), so the bad frame reaches the live connection
        await BotHarness.WaitUntilAsync(() => bot.Host.Services.GetRequiredService<DiscordGatewayClient>().IsConnected);
        await SendAsync(bot, kind);
        if (kind != "oversized frame")
        {
            Assert.Equal("closed:4000", await bot.Fake.Gateway.NextEventAsync());
        }

        // (After an oversized frame the bot closes with 4000 while most of the 16 MB is still unread: its socket then
        // resets the connection, and the peer may lose the close frame with it — as Discord would see a 1006. The
        // resume below is what matters; asserting the code made this case fail in about one run in ten.)
        await bot.Time.PumpUntilAsync(() => bot.Fake.Gateway.Resumes == 1);
        var interaction = await bot.InteractAsync(2, """{"id":"1","name":"help","type":1}""", inGuild: true);

        // Assert
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.Equal(1, bot.Fake.Gateway.Identifies);
        Assert.NotNull(interaction.AckType);
        Assert.Empty(bot.Fake.ValidationErrors);
    }

    [Fact]
    public async Task FirstHelloWithoutHeartbeatInterval_HostStaysUp_IdentifiesOnTheNextConnection()
    {
        // Arrange: the measured crash of issue #17 (KeyNotFoundException → host stopped with exit code 0).
        var bot = await BotHarness.StartAsync(waitForReady: false, helloOverrides: ["""{"op":10,"d":{}}"""]);
        await using (bot)
        {
            var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();

            // Act
            Assert.Equal("closed:4000", await bot.Fake.Gateway.NextEventAsync());
            await bot.Time.PumpUntilAsync(() => bot.Fake.Gateway.Identifies == 1);
            await BotHarness.WaitUntilAsync(() => bot.Host.Services.GetRequiredService<DiscordGatewayClient>().IsConnected);
            var interaction = await bot.InteractAsync(2, """{"id":"1","name":"help","type":1}""", inGuild: true);

            // Assert
            Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
            Assert.Equal(2, bot.Fake.Gateway.ConnectedPaths.Count);
            Assert.NotNull(interaction.AckType);
        }
    }

    private static Task SendAsync(BotHarness bot, string kind) => kind switch
    {
        "invalid json" => bot.Fake.Gateway.SendRawAsync("""{"op":0,"s":9,"t":"MESSAGE_CREATE","d":{"""),
        "unknown op" => bot.Fake.Gateway.SendRawAsync("""{"op":42,"d":{"x":1}}"""),
        "wrong-typed sequence" => bot.Fake.Gateway.SendRawAsync("""{"op":0,"s":"nine","t":"MESSAGE_CREATE","d":{}}"""),
        "binary frame" => bot.Fake.Gateway.SendBinaryAsync(Encoding.UTF8.GetBytes("""{"op":11}""")),
        "oversized frame" => bot.Fake.Gateway.SendRawAsync("""{"op":0,"t":"X","d":""" + "\"" + new string('x', WebSocketGatewayTransport.MaxMessageBytes) + "\"}"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
