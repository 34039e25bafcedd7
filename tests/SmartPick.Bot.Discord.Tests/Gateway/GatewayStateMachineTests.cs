using System.Text.Json;
using SmartPick.Bot.Discord.Gateway;

namespace SmartPick.Bot.Discord.Tests.Gateway;

public sealed class GatewayStateMachineTests
{
    private static int Op(JsonElement payload) => payload.GetProperty("op").GetInt32();

    [Fact]
    public async Task Hello_IdentifiesWithBareTokenIntentsAndShard()
    {
        // Arrange
        await using var harness = new GatewayHarness();
        await harness.StartAsync();
        var transport = await harness.Transports.NextAsync();

        // Act
        transport.Hello();
        var identify = await transport.NextSentAsync();

        // Assert
        Assert.Equal("wss://gateway.test/?v=10&encoding=json", transport.ConnectedTo!.ToString());
        Assert.Equal(2, Op(identify));
        var d = identify.GetProperty("d");
        Assert.Equal("secret-token", d.GetProperty("token").GetString());
        Assert.Equal(4609, d.GetProperty("intents").GetInt32());
        Assert.Equal("[0,1]", d.GetProperty("shard").GetRawText());
        Assert.Equal("smartpick", d.GetProperty("properties").GetProperty("browser").GetString());
    }

    [Fact]
    public async Task Heartbeat_FirstAfterJitteredInterval_ThenEveryInterval_WithLastSequence()
    {
        // Arrange: jitter 0.5, interval 1000 ms → first beat at 500 ms.
        await using var harness = new GatewayHarness(jitter: 0.5);
        var start = harness.Time.GetUtcNow();
        var transport = await harness.ConnectReadyAsync(intervalMs: 1000);

        // Act
        await harness.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(500));
        harness.Time.Advance(TimeSpan.FromMilliseconds(500));
        var first = await transport.NextSentTimedAsync();
        transport.Ack();
        transport.Dispatch(2, "GUILD_CREATE", """{"id":"222"}""");
        await harness.NextDispatchAsync(); // frames are handled in order: the ACK has been seen
        await harness.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(1000));
        harness.Time.Advance(TimeSpan.FromMilliseconds(1000));
        var second = await transport.NextSentTimedAsync();

        // Assert
        Assert.Equal(1, Op(first.Payload));
        Assert.Equal(1, first.Payload.GetProperty("d").GetInt32());
        Assert.Equal(TimeSpan.FromMilliseconds(500), first.At - start);
        Assert.Equal(1, Op(second.Payload));
        Assert.Equal(2, second.Payload.GetProperty("d").GetInt32());
        Assert.Equal(TimeSpan.FromMilliseconds(1500), second.At - start);
    }

    [Fact]
    public async Task ServerHeartbeatRequest_IsAnsweredImmediately()
    {
        // Arrange
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();
        var now = harness.Time.GetUtcNow();

        // Act
        transport.Push("""{"op":1,"d":null}""");
        var beat = await transport.NextSentTimedAsync();

        // Assert
        Assert.Equal(1, Op(beat.Payload));
        Assert.Equal(now, beat.At);
    }

    [Fact]
    public async Task MissingHeartbeatAck_ClosesZombieWithNon1000Code_AndResumesOnResumeUrl()
    {
        // Arrange
        await using var harness = new GatewayHarness(jitter: 0.5);
        var transport = await harness.ConnectReadyAsync(intervalMs: 1000);
        transport.Dispatch(2, "GUILD_CREATE", """{"id":"222"}""");
        await harness.NextDispatchAsync();
        await harness.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(500));
        harness.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, Op(await transport.NextSentAsync()));

        // Act: no ACK before the next beat is due.
        await harness.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(1000));
        harness.Time.Advance(TimeSpan.FromMilliseconds(1000));
        var next = await harness.Transports.NextAsync();
        next.Hello();
        var resume = await next.NextSentAsync();

        // Assert
        Assert.Equal(4000, transport.ClosedWith);
        Assert.Equal("wss://resume.example/?v=10&encoding=json", next.ConnectedTo!.ToString());
        Assert.Equal(6, Op(resume));
        Assert.Equal("abc123", resume.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(2, resume.GetProperty("d").GetProperty("seq").GetInt32());
        Assert.Equal("secret-token", resume.GetProperty("d").GetProperty("token").GetString());
    }

    [Fact]
    public async Task Reconnect_ResumesAndForwardsReplayedEventsInOrder()
    {
        // Arrange
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        // Act
        transport.Push("""{"op":7,"d":null}""");
        var next = await harness.Transports.NextAsync();
        next.Hello();
        var resume = await next.NextSentAsync();
        next.Dispatch(2, "MESSAGE_CREATE", """{"id":"m2"}""");
        next.Dispatch(3, "MESSAGE_CREATE", """{"id":"m3"}""");
        next.Dispatch(4, "RESUMED");
        var events = new[] { await harness.NextDispatchAsync(), await harness.NextDispatchAsync(), await harness.NextDispatchAsync() };

        // Assert
        Assert.Equal(6, Op(resume));
        Assert.Equal(1, resume.GetProperty("d").GetProperty("seq").GetInt32());
        Assert.NotEqual(1000, transport.ClosedWith);
        Assert.Equal(["m2", "m3"], events.Take(2).Select(e => e.Data.GetProperty("id").GetString()));
        Assert.Equal("RESUMED", events[2].EventName);
        Assert.Equal(4, harness.Client.Session.Sequence);
    }

    [Fact]
    public async Task DroppedConnectionWithoutCloseFrame_Resumes()
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        transport.Close(null);
        var next = await harness.Transports.NextAsync();
        next.Hello();

        Assert.Equal(6, Op(await next.NextSentAsync()));
        Assert.StartsWith("wss://resume.example/", next.ConnectedTo!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSessionResumable_Resumes()
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        transport.Push("""{"op":9,"d":true}""");
        var next = await harness.Transports.NextAsync();
        next.Hello();

        Assert.Equal(6, Op(await next.NextSentAsync()));
    }

    [Fact]
    public async Task InvalidSessionNotResumable_WaitsThenIdentifiesOnGatewayUrl()
    {
        // Arrange: jitter 0.5 → wait 1 + 4 × 0.5 = 3 s.
        await using var harness = new GatewayHarness(jitter: 0.5);
        var transport = await harness.ConnectReadyAsync();

        // Act
        transport.Push("""{"op":9,"d":false}""");
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(1, harness.Transports.Count);
        await harness.Time.PumpUntilAsync(() => harness.Transports.Count == 2);
        var next = await harness.Transports.NextAsync();
        next.Hello();
        var identify = await next.NextSentAsync();

        // Assert
        Assert.Equal(2, Op(identify));
        Assert.StartsWith(GatewayHarness.GatewayUrl, next.ConnectedTo!.ToString(), StringComparison.Ordinal);
        Assert.False(harness.Client.Session.CanResume);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task FatalCloseCode_StopsWithoutReconnecting(int code)
    {
        // Arrange
        await using var harness = new GatewayHarness();
        await harness.StartAsync();
        var transport = await harness.Transports.NextAsync();
        transport.Hello();
        await transport.NextSentAsync();

        // Act
        transport.Close(code);
        var ex = await Assert.ThrowsAsync<GatewayFatalException>(() => harness.Run!.WaitAsync(TimeSpan.FromSeconds(10)));
        harness.Time.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(50);

        // Assert
        Assert.Equal(code, ex.CloseCode);
        Assert.Equal(1, harness.Transports.Count);
    }

    [Theory]
    [InlineData(4007, 2)] // session-ending codes: identify again
    [InlineData(4009, 2)]
    [InlineData(4000, 6)] // resumable codes: resume
    [InlineData(4008, 6)]
    [InlineData(1001, 6)]
    public async Task NonFatalCloseCodes_ReconnectWithIdentifyOrResume(int code, int expectedOp)
    {
        await using var harness = new GatewayHarness();
        var transport = await harness.ConnectReadyAsync();

        transport.Close(code);
        await harness.Time.PumpUntilAsync(() => harness.Transports.Count == 2);
        var next = await harness.Transports.NextAsync();
        next.Hello();

        Assert.Equal(expectedOp, Op(await next.NextSentAsync()));
    }

    [Fact]
    public async Task RepeatedIdentifies_AreSpacedAtLeastFiveSecondsApart()
    {
        // Arrange: jitter 0 → the new-session wait is 1 s, below the 5 s identify spacing.
        await using var harness = new GatewayHarness(jitter: 0);
        await harness.StartAsync();
        var first = await harness.Transports.NextAsync();
        first.Hello();
        var firstIdentify = await first.NextSentOfOpAsync(2); // jitter 0: the first heartbeat may race the identify

        // Act
        first.Push("""{"op":9,"d":false}""");
        await harness.Time.PumpUntilAsync(() => harness.Transports.Count == 2, TimeSpan.FromMilliseconds(100));
        var second = await harness.Transports.NextAsync();
        second.Hello();
        var secondIdentify = await second.NextSentOfOpAsync(2);

        // Assert
        Assert.Equal(2, Op(secondIdentify.Payload));
        Assert.True(secondIdentify.At - firstIdentify.At >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task DailyIdentifyBudget_StopsARestartLoop()
    {
        await using var harness = new GatewayHarness(maxIdentifiesPerDay: 1);
        await harness.StartAsync();
        var first = await harness.Transports.NextAsync();
        first.Hello();
        await first.NextSentAsync();

        first.Push("""{"op":9,"d":false}""");
        var run = harness.Run!;
        await harness.Time.PumpUntilAsync(() => run.IsCompleted);

        await Assert.ThrowsAsync<GatewayFatalException>(() => run);
        Assert.Equal(1, harness.Transports.Count);
    }

    [Fact]
    public void CloseCodeTable_MatchesProtocolNotes()
    {
        Assert.Equal(GatewayRecovery.Stop, GatewayCloseCodes.Classify(4004));
        Assert.Equal(GatewayRecovery.NewSession, GatewayCloseCodes.Classify(4003));
        Assert.Equal(GatewayRecovery.Resume, GatewayCloseCodes.Classify(4005));
        Assert.Equal(GatewayRecovery.Resume, GatewayCloseCodes.Classify(null));
        Assert.Contains("token", GatewayCloseCodes.Describe(4004), StringComparison.Ordinal);
    }
}
