using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Discord.Rest;
using SmartPick.Bot.Discord.Telemetry;

namespace SmartPick.Bot.Discord.Gateway;

/// <summary>
/// The gateway state machine across connections: Disconnected → Connecting → Identifying/Resuming → Ready, then
/// resume (on <c>resume_gateway_url</c>), new session, or stop on fatal close codes and a rejected token (throws
/// <see cref="GatewayFatalException"/>, never loops). Everything else, including payloads the client cannot read,
/// is a dropped connection: back off and resume.
/// </summary>
public sealed partial class DiscordGatewayClient(
    IGatewayTransportFactory transports,
    IGatewayBotSource botSource,
    IdentifyGate identifyGate,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    IJitterSource jitter,
    DiscordMetrics metrics,
    ILogger<DiscordGatewayClient> logger,
    ShardLease? shards = null)
{
    // A dispatch that fails to parse is replayed on resume; after this many faults in a row, start a new session.
    private const int FaultsBeforeNewSession = 3;

    public GatewaySession Session { get; } = new();

    /// <summary>Number of connection attempts so far (for tests and diagnostics).</summary>
    public int Connections { get; private set; }

    /// <summary>True between READY/RESUMED and the end of that connection (readiness).</summary>
    public bool IsConnected => Volatile.Read(ref connected) == 1;

    private int connected;
    private readonly ShardLease shardLease = shards ?? new ShardLease(options, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<ShardLease>.Instance);

    /// <summary>The shard this instance runs now; null while standing by for one.</summary>
    public int? ShardId { get; private set; }

    /// <param name="dispatches">An unbounded channel: events are written with TryWrite so reading never waits for handlers.</param>
    /// <param name="stopping">Ends the run (the connection is closed with 1000 and the shard is handed over).</param>
    public async Task RunAsync(ChannelWriter<GatewayDispatch> dispatches, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(dispatches);
        while (!stopping.IsCancellationRequested)
        {
            await using var shard = await shardLease.AcquireAsync(stopping);
            using var held = CancellationTokenSource.CreateLinkedTokenSource(stopping, shard.Lost);
            ShardId = shard.ShardId;
            try
            {
                await RunShardAsync(shard.ShardId, dispatches, held.Token);
            }
            catch (OperationCanceledException) when (shard.Lost.IsCancellationRequested && !stopping.IsCancellationRequested)
            {
                // Handed over below.
            }
            finally
            {
                ShardId = null;
            }

            // Lost the lease: another instance may run this shard now, and a session of it must not be resumed here.
            Session.Reset();
        }
    }

    private async Task RunShardAsync(int shardId, ChannelWriter<GatewayDispatch> dispatches, CancellationToken stopping)
    {
        var o = options.Value;
        var identity = new GatewayIdentity(o.Token, GatewayIntents.Default, shardId, o.ShardCount);
        var failures = 0;
        var faults = 0;
        while (!stopping.IsCancellationRequested)
        {
            var resuming = Session.CanResume;
            var uri = resuming ? Session.ResumeUri! : await FreshUriAsync(shardId, stopping);
            if (Connections++ > 0)
            {
                metrics.Reconnect(newSession: !resuming);
            }

            var outcome = await ConnectOnceAsync(uri, resuming, identity, dispatches, stopping);
            Volatile.Write(ref connected, 0);
            if (outcome.Shutdown || stopping.IsCancellationRequested)
            {
                return;
            }

            failures = outcome.Established ? 0 : failures + 1;
            faults = outcome.ProtocolFault ? faults + 1 : 0;
            if (outcome.ProtocolFault)
            {
                metrics.ProtocolFault();
            }

            var recovery = outcome.Recovery == GatewayRecovery.Resume && faults >= FaultsBeforeNewSession ? GatewayRecovery.NewSession : outcome.Recovery;
            switch (recovery)
            {
                case GatewayRecovery.Stop:
                    var reason = GatewayCloseCodes.Describe(outcome.CloseCode);
                    LogFatal(logger, outcome.CloseCode, reason);
                    throw new GatewayFatalException(outcome.CloseCode, reason);
                case GatewayRecovery.NewSession:
                    Session.Reset();
                    faults = 0;
                    var wait = GatewayBackoff.NewSession(jitter.NextDouble()) + GatewayBackoff.Delay(failures, GatewayBackoff.IdentifyCap, jitter.NextDouble());
                    await Task.Delay(wait, time, stopping);
                    break;
                default:
                    var cap = Session.CanResume ? GatewayBackoff.ResumeCap : GatewayBackoff.IdentifyCap;
                    await Task.Delay(GatewayBackoff.Delay(failures, cap, jitter.NextDouble()), time, stopping);
                    break;
            }
        }
    }

    private async Task<Uri> FreshUriAsync(int shardId, CancellationToken stopping)
    {
        var info = await GetBotInfoAsync(stopping);
        await identifyGate.WaitAsync(info.SessionStartLimit, shardId, stopping);
        return new Uri(options.Value.GatewayUrl is { Length: > 0 } overrideUrl ? overrideUrl : info.Url);
    }

    /// <summary>GET /gateway/bot, retried with backoff while Discord is unreachable or answers nonsense; a rejected token is fatal.</summary>
    private async Task<GatewayBotInfo> GetBotInfoAsync(CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var info = await botSource.GetAsync(stopping);
                return Uri.TryCreate(info.Url, UriKind.Absolute, out _) && info.SessionStartLimit is not null
                    ? info
                    : throw new GatewayProtocolException(null, "GET /gateway/bot: url or session_start_limit missing");
            }
            catch (DiscordRestException ex) when (ex.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                const string reason = "Discord rejected the bot token (401 on GET /gateway/bot): check SmartPick:Discord:Token";
                LogFatal(logger, null, reason);
                throw new GatewayFatalException(null, reason);
            }
            catch (Exception ex) when (ex is not GatewayFatalException && !stopping.IsCancellationRequested)
            {
                LogConnectionFailed(logger, ex);
                await Task.Delay(GatewayBackoff.Delay(attempt, GatewayBackoff.ResumeCap, jitter.NextDouble()), time, stopping);
            }
        }
    }

    private async Task<GatewayOutcome> ConnectOnceAsync(
        Uri uri, bool resuming, GatewayIdentity identity, ChannelWriter<GatewayDispatch> dispatches, CancellationToken stopping)
    {
        await using var transport = transports.Create();
        using var connection = new GatewayConnection(transport, Session, identity, time, jitter, dispatches, metrics, logger)
        {
            OnEstablished = () => Volatile.Write(ref connected, 1),
        };
        try
        {
            return await connection.RunAsync(uri, resuming, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return new GatewayOutcome(GatewayRecovery.Resume, null, false, Shutdown: true);
        }
        catch (Exception ex) when (ex is not (GatewayFatalException or OutOfMemoryException))
        {
            // Network failures, a zombie detected mid-send, anything a transport throws: a dropped connection.
            LogConnectionFailed(logger, ex);
            return new GatewayOutcome(GatewayRecovery.Resume, null, false);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway stopped for good: close code {Code} ({Reason}). Not reconnecting.")]
    private static partial void LogFatal(ILogger logger, int? code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway connection failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception ex);
}
