using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SmartPick.Bot.Discord.Tests.FakeDiscord;

/// <summary>
/// The sharded fake gateway routes as Discord documents it (tests of the fake itself, since the multi-instance tests
/// rely on it): guild events to shard (guild_id &gt;&gt; 22) % count, DMs to shard 0, close 4010 for a shard outside the
/// count and 4011 below the required count, and a second session of a connected shard gets its events too.
/// </summary>
public sealed class FakeShardedGatewayTests
{
    [Fact]
    public async Task GuildEventsGoToTheirShard_DirectMessagesToShardZero_BadShardsClosedWithDiscordsCodes()
    {
        // Arrange
        await using var fake = await FakeDiscordServer.StartAsync(TimeProvider.System);
        var onShard1 = FakeShardedGateway.GuildOnShard(1, 2, 0);
        var gateway = fake.Gateway.EnableSharding(2, [FakeShardedGateway.GuildOnShard(0, 2, 0), onShard1], TimeProvider.System);
        using var shard0 = await IdentifyAsync(fake, "[0,2]");
        using var shard1 = await IdentifyAsync(fake, "[1,2]");

        // Act
        var guildDelivered = await fake.Gateway.TryDispatchAsync("MESSAGE_CREATE", $$"""{"id":"1","guild_id":"{{onShard1}}","content":"guild"}""");
        var dmDelivered = await fake.Gateway.TryDispatchAsync("MESSAGE_CREATE", """{"id":"2","content":"dm"}""");
        using var outOfRange = await IdentifyAsync(fake, "[2,2]", expectReady: false);
        using var tooFew = await IdentifyAsync(fake, "[0,1]", expectReady: false);

        // Assert
        Assert.True(guildDelivered && dmDelivered);
        Assert.Equal("guild", await NextContentAsync(shard1));
        Assert.Equal("dm", await NextContentAsync(shard0));
        Assert.Equal([4010, 4011], gateway.Closes);
        Assert.Equal(1, FakeShardedGateway.ShardOf(onShard1, 2));
        Assert.Equal(0, gateway.DuplicateSessions);
    }

    [Fact]
    public async Task SecondSessionOfAConnectedShard_BothGetItsEvents_AndAShardNobodyRunsLosesThem()
    {
        // Arrange
        await using var fake = await FakeDiscordServer.StartAsync(TimeProvider.System);
        var gateway = fake.Gateway.EnableSharding(2, [], TimeProvider.System);
        using var first = await IdentifyAsync(fake, "[0,2]");
        using var second = await IdentifyAsync(fake, "[0,2]");

        // Act
        await fake.Gateway.TryDispatchAsync("MESSAGE_CREATE", """{"id":"3","content":"twice"}""");
        var toShard1 = await fake.Gateway.TryDispatchAsync("MESSAGE_CREATE", $$"""{"id":"4","guild_id":"{{FakeShardedGateway.GuildOnShard(1, 2, 5)}}","content":"nobody"}""");

        // Assert
        Assert.Equal(1, gateway.DuplicateSessions);
        Assert.Equal("twice", await NextContentAsync(first));
        Assert.Equal("twice", await NextContentAsync(second));
        Assert.False(toShard1);
        Assert.Equal(1, gateway.LostDispatches);
    }

    private static async Task<ClientWebSocket> IdentifyAsync(FakeDiscordServer fake, string shard, bool expectReady = true)
    {
        var ws = new ClientWebSocket();
        await ws.ConnectAsync(new Uri(fake.Gateway.BaseWs + "/gw?v=10&encoding=json"), CancellationToken.None);
        Assert.Equal(10, (await ReceiveAsync(ws)).GetProperty("op").GetInt32());
        var identify = $$$"""{"op":2,"d":{"token":"{{{FakeDiscordServer.Token}}}","intents":0,"properties":{"os":"linux","browser":"t","device":"t"},"shard":{{{shard}}}}}""";
        await ws.SendAsync(Encoding.UTF8.GetBytes(identify), WebSocketMessageType.Text, true, CancellationToken.None);
        if (expectReady)
        {
            var ready = await ReceiveAsync(ws);
            Assert.Equal("READY", ready.GetProperty("t").GetString());
            Assert.Equal(shard, ready.GetProperty("d").GetProperty("shard").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal));
            for (var i = 0; i < ready.GetProperty("d").GetProperty("guilds").GetArrayLength(); i++)
            {
                Assert.Equal("GUILD_CREATE", (await ReceiveAsync(ws)).GetProperty("t").GetString());
            }
        }

        else
        {
            Assert.Equal(WebSocketMessageType.Close, (await ReceiveRawAsync(ws)).Type);
        }

        return ws;
    }

    private static async Task<string?> NextContentAsync(ClientWebSocket ws) => (await ReceiveAsync(ws)).GetProperty("d").GetProperty("content").GetString();

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket ws) => JsonDocument.Parse((await ReceiveRawAsync(ws)).Text).RootElement;

    private static async Task<(WebSocketMessageType Type, string Text)> ReceiveRawAsync(ClientWebSocket ws)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return (result.MessageType, Encoding.UTF8.GetString(message.ToArray()));
    }
}
