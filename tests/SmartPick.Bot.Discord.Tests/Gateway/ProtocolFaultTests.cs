using System.Text.Json;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Discord.Telemetry;

namespace SmartPick.Bot.Discord.Tests.Gateway;

/// <summary>
/// Payloads the client cannot use are dropped connections, never crashes: the socket is closed with a resumable
/// code, the session resumed (or identified when there is none), and the run goes on.
/// </summary>
public sealed class ProtocolFaultTests
{
    public static TheoryData<string, string> MalformedPayloads => new()
    {
        { "invalid JSON", """{"op":0,"s":2,"t":"MESSAGE_CREATE","d":{"id":""" },
        { "not an object", """[1,2,3]""" },
        { "op missing", """{"d":null}""" },
        { "op wrong type", """{"op":"11"}""" },
        { "unknown op", """{"op":42,"d":null}""" },
        { "sequence wrong type", """{"op":0,"s":"two","t":"MESSAGE_CREATE","d":{}}""" },
        { "dispatch without event name", """{"op":0,"s":2,"d":{}}""" },
        { "hello without interval", """{"op":10,"d":{}}""" },
        { "hello with text interval", """{"op":10,"d":{"heartbeat_interval":"41250"}}""" },
    };

    private static int Op(JsonElement payload) => payload.GetProperty("op").GetInt32();

    [Theory]
    [MemberData(nameof(MalformedPayloads))]
    public async Task MalformedPayloadAfterReady_ClosesResumably_ResumesAndKeepsDelivering(string kind, string json)
    {
        // Arrange
        await using var harness = new GatewayHarness();
        using var faults = new MetricCollector<long>(harness.MeterFactory, DiscordMetrics.MeterName, "smartpick.discord.gateway.protocol_faults");
        var transport = await harness.ConnectReadyAsync();

        // Act
        transport.Push(json);
        await harness.Time.PumpUntilAsync(() => harness.Transports.Count == 2);
        var next = await harness.Transports.NextAsync();
        next.Hello();
        var resume = await next.NextSentOfOpAsync(GatewayOpCode.Resume);
        next.Dispatch(2, "MESSAGE_CREATE", """{"id":"m2"}""");
        var delivered = await harness.NextDispatchAsync();

        // Assert
        Assert.False(harness.Run!.IsCompleted, kind);
        Assert.Equal(4000, transport.ClosedWith);
        Assert.Equal(1, resume.Payload.GetProperty("d").GetProperty("seq").GetInt32());
        Assert.Equal("m2", delivered.Data.GetProperty("id").GetString());
        Assert.Equal(1, faults.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task FirstHelloWithoutInterval_ReconnectsAndIdentifies()
    {
        // Arrange
        await using var harness = new GatewayHarness();
        await harness.StartAsync();
        var first = await harness.Transports.NextAsync();

        // Act
        first.Push("""{"op":10,"d":{}}""");
        await harness.Time.PumpUntilAsync(() => harness.Transports.Count == 2);
        var second = await harness.Transports.NextAsync();
        second.Hello();
        var identify = await second.NextSentOfOpAsync(GatewayOpCode.Identify);
        second.Ready();
        var ready = await harness.NextDispatchAsync();

        // Assert
        Assert.Equal(4000, first.ClosedWith);
        Assert.Equal(GatewayOpCode.Identify, Op(identify.Payload));
        Assert.Equal("READY", ready.EventName);
        Assert.True(harness.Client.IsConnected);
    }

    [Theory]
    [InlineData("binary frame (encoding=json expects text)")]
    [InlineData("message larger than 16777216 bytes")]
    public async Task UnreadableFrame_IsADroppedConnection(string fault)
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        transport.PushFrame(GatewayFrame.Unreadable(fault));
        await harness.Time.PumpUntilAsync(() => harness.Transports.Count == 2);
        var next = await harness.Transports.NextAsync();
        next.Hello();

        Assert.Equal(GatewayOpCode.Resume, Op((await next.NextSentOfOpAsync(GatewayOpCode.Resume)).Payload));
        Assert.Equal(4000, transport.ClosedWith);
    }

    [Fact]
    public async Task ReadyWithoutSessionId_IsNotObserved_AndRepeatedFaultsStartANewSession()
    {
        // Arrange: a READY the client cannot use; the replayed event would fail again, so after three faults in a
        // row the client gives up resuming and identifies.
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        // Act
        for (var i = 0; i < 3; i++)
        {
            transport.Dispatch(2, "MESSAGE_CREATE", """{"id":"m2"}""");
            await harness.NextDispatchAsync();
            transport.Push("""{"op":0,"s":3,"t":"READY","d":{"resume_gateway_url":"wss://resume.example/"}}""");
            await harness.Time.PumpUntilAsync(() => harness.Transports.Count == i + 2);
            transport = await harness.Transports.NextAsync();
            transport.Hello();
            if (i < 2)
            {
                var resume = await transport.NextSentOfOpAsync(GatewayOpCode.Resume);
                Assert.Equal(2, resume.Payload.GetProperty("d").GetProperty("seq").GetInt32());
            }
        }

        var identify = await transport.NextSentOfOpAsync(GatewayOpCode.Identify);

        // Assert
        Assert.Equal(GatewayOpCode.Identify, Op(identify.Payload));
        Assert.False(harness.Run!.IsCompleted);
    }
}
