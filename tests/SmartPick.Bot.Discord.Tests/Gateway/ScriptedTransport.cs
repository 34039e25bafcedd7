using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using SmartPick.Bot.Discord.Gateway;

namespace SmartPick.Bot.Discord.Tests.Gateway;

/// <summary>A scripted gateway connection: the test pushes frames and reads what the client sent.</summary>
public sealed class ScriptedTransport(TimeProvider clock) : IGatewayTransport
{
    private readonly Channel<GatewayFrame> inbound = Channel.CreateUnbounded<GatewayFrame>();
    private readonly Channel<(JsonElement Payload, DateTimeOffset At)> sent = Channel.CreateUnbounded<(JsonElement, DateTimeOffset)>();

    public Uri? ConnectedTo { get; private set; }

    public int? ClosedWith { get; private set; }

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        ConnectedTo = uri;
        return Task.CompletedTask;
    }

    public Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        sent.Writer.TryWrite((JsonDocument.Parse(payload).RootElement.Clone(), clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken) => await inbound.Reader.ReadAsync(cancellationToken);

    public Task DisconnectAsync(int closeCode, CancellationToken cancellationToken)
    {
        ClosedWith = closeCode;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Push(string json) => inbound.Writer.TryWrite(GatewayFrame.Text(Encoding.UTF8.GetBytes(json)));

    public void PushFrame(GatewayFrame frame) => inbound.Writer.TryWrite(frame);

    public void Hello(int intervalMs = 41250) => Push($$$"""{"op":10,"d":{"heartbeat_interval":{{{intervalMs}}}}}""");

    public void Ack() => Push("""{"op":11}""");

    public void Dispatch(int seq, string name, string data = "{}") => Push($$"""{"op":0,"s":{{seq}},"t":"{{name}}","d":{{data}}}""");

    public void Ready(int seq = 1, string sessionId = "abc123", string resumeUrl = "wss://resume.example/") =>
        Dispatch(seq, "READY", $$$"""{"v":10,"user":{"id":"111","username":"smartpick","bot":true},"guilds":[],"session_id":"{{{sessionId}}}","resume_gateway_url":"{{{resumeUrl}}}","application":{"id":"333","flags":0}}""");

    public void Close(int? code) => inbound.Writer.TryWrite(GatewayFrame.Closed(code));

    public async Task<JsonElement> NextSentAsync() => (await NextSentTimedAsync()).Payload;

    /// <summary>The next payload the client sent, with the fake time at which it was sent.</summary>
    public async Task<(JsonElement Payload, DateTimeOffset At)> NextSentTimedAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await sent.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next payload with opcode <paramref name="op"/>, skipping others (e.g. an immediate first heartbeat).</summary>
    public async Task<(JsonElement Payload, DateTimeOffset At)> NextSentOfOpAsync(int op)
    {
        while (true)
        {
            var next = await NextSentTimedAsync();
            if (next.Payload.GetProperty("op").GetInt32() == op)
            {
                return next;
            }
        }
    }
}

/// <summary>Hands out scripted transports and lets the test await each new connection.</summary>
public sealed class ScriptedTransportFactory(TimeProvider clock) : IGatewayTransportFactory
{
    private readonly Channel<ScriptedTransport> created = Channel.CreateUnbounded<ScriptedTransport>();

    public int Count { get; private set; }

    public IGatewayTransport Create()
    {
        var transport = new ScriptedTransport(clock);
        Count++;
        created.Writer.TryWrite(transport);
        return transport;
    }

    public async Task<ScriptedTransport> NextAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var transport = await created.Reader.ReadAsync(cts.Token);
        var watch = Stopwatch.StartNew();
        while (transport.ConnectedTo is null && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(5);
        }

        return transport;
    }
}
