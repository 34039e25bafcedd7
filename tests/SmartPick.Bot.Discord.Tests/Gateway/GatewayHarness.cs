using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Discord.Hosting;
using SmartPick.Bot.Discord.Rest;
using SmartPick.Bot.Discord.Telemetry;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Gateway;

/// <summary>Runs a <see cref="DiscordGatewayClient"/> against scripted transports and a signaling fake clock.</summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    public const string GatewayUrl = "wss://gateway.test/";
    private readonly CancellationTokenSource stop = new();
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public GatewayHarness(double jitter = 0.5, int maxIdentifiesPerDay = 200, Func<IOptions<DiscordOptions>, TimeProvider, ShardLease>? shards = null, int shardCount = 1)
    {
        Transports = new ScriptedTransportFactory(Time);
        Metrics = new DiscordMetrics(services.GetRequiredService<IMeterFactory>());
        Options = Microsoft.Extensions.Options.Options.Create(new DiscordOptions { Token = "secret-token", MaxIdentifiesPerDay = maxIdentifiesPerDay, ShardCount = shardCount });
        Shards = shards?.Invoke(Options, Time);
        var state = new DiscordStateStore(services.GetRequiredService<IServiceScopeFactory>());
        Client = new DiscordGatewayClient(
            Transports,
            new StaticBotSource(),
            new IdentifyGate(Time, state, Options),
            Options,
            Time,
            new FixedJitter(jitter),
            Metrics,
            NullLogger<DiscordGatewayClient>.Instance,
            Shards);
    }

    public SignalingTimeProvider Time { get; } = new();

    /// <summary>Shard leases when the test coordinates shards across instances; null: one instance, the configured shard.</summary>
    public ShardLease? Shards { get; }

    public DiscordMetrics Metrics { get; }

    public IMeterFactory MeterFactory => services.GetRequiredService<IMeterFactory>();

    public ScriptedTransportFactory Transports { get; }

    public IOptions<DiscordOptions> Options { get; }

    public DiscordGatewayClient Client { get; }

    public Channel<GatewayDispatch> Dispatches { get; } = Channel.CreateUnbounded<GatewayDispatch>();

    public Task? Run { get; private set; }

    public Task StartAsync()
    {
        Run = Task.Run(() => Client.RunAsync(Dispatches.Writer, stop.Token));
        return Task.CompletedTask;
    }

    public async Task<GatewayDispatch> NextDispatchAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await Dispatches.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Connects, identifies and reaches READY (sequence 1) on a first transport.</summary>
    public async Task<ScriptedTransport> ConnectReadyAsync(int intervalMs = 41250)
    {
        await StartAsync();
        var transport = await Transports.NextAsync();
        transport.Hello(intervalMs);
        Assert.Equal(2, (await transport.NextSentAsync()).GetProperty("op").GetInt32());
        transport.Ready();
        Assert.Equal("READY", (await NextDispatchAsync()).EventName);
        return transport;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (Run is not null)
        {
            try
            {
                await Run.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is OperationCanceledException or GatewayFatalException)
            {
            }
        }

        stop.Dispose();
        await services.DisposeAsync();
    }

    private sealed class StaticBotSource : IGatewayBotSource
    {
        public Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new GatewayBotInfo(GatewayUrl, 1, new SessionStartLimit(1000, 999, 14_400_000, 1)));
    }
}

/// <summary>Deterministic jitter.</summary>
public sealed class FixedJitter(double value) : IJitterSource
{
    public double NextDouble() => value;
}
