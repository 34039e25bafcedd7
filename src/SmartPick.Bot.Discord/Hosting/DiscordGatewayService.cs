using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Discord.Telemetry;

namespace SmartPick.Bot.Discord.Hosting;

/// <summary>
/// Runs the gateway and feeds its dispatches through an unbounded channel to handlers: each event in its own scope
/// with its own try/catch, so neither a slow nor a failing handler blocks the receive loop (which must keep reading
/// heartbeat ACKs); a queue longer than <see cref="QueueAlarm"/> is logged and visible as a gauge. Other events share
/// <see cref="MaxConcurrentHandlers"/> slots; interactions never wait for a slot, because Discord's 3-second
/// acknowledgement deadline runs from receipt and a slot can be held for tens of seconds by DM sends queued behind
/// the global rate limit (the load run showed 10062s at 300 simultaneous users when interactions queued for slots).
/// A fatal gateway error (4004, 4010–4014, rejected token) stops the application with a failure recorded; any other
/// exception restarts the gateway through <see cref="AdapterSupervisor"/>. On stop (SIGTERM) the gateway is closed and
/// its shard lease released first, so another instance can take the shard, while the events already received are
/// still handled to the end; only when the host's shutdown timeout runs out are the remaining handlers cancelled.
/// </summary>
public sealed partial class DiscordGatewayService(
    DiscordGatewayClient gateway,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    AdapterFailure failure,
    AdapterSupervisor supervisor,
    DiscordMetrics metrics,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    public const int MaxConcurrentHandlers = 32;
    public const int QueueAlarm = 1000;
    private const string InteractionCreate = "INTERACTION_CREATE";
    private readonly SemaphoreSlim slots = new(MaxConcurrentHandlers, MaxConcurrentHandlers);
    private readonly CancellationTokenSource handlers = new();
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool alarmed;
    private int pending;
    private int stopping;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The gateway stops and the pump hands out every event received; after that nothing is added to pending.
        await base.StopAsync(cancellationToken);
        Interlocked.Exchange(ref stopping, 1);
        if (Volatile.Read(ref pending) == 0)
        {
            return;
        }

        try
        {
            await drained.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await handlers.CancelAsync();
        }
    }

    public override void Dispose()
    {
        handlers.Dispose();
        slots.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channel = Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = true });
        metrics.QueueLength = () => Volatile.Read(ref pending);
        var pump = PumpAsync(channel.Reader);
        try
        {
            await supervisor.RunAsync("discord", "gateway", RunGatewayAsync, () => metrics.Restarted("gateway"), stoppingToken);
        }
        finally
        {
            channel.Writer.TryComplete();
            await pump;
        }

        async Task RunGatewayAsync(CancellationToken stopping)
        {
            try
            {
                await gateway.RunAsync(channel.Writer, stopping);
            }
            catch (GatewayFatalException ex)
            {
                LogStopping(logger, ex.CloseCode, ex.Message);
                failure.Report("discord"); // a fatal adapter error is a failed run, not a clean stop
                lifetime.StopApplication();
            }
        }
    }

    /// <summary>Runs until the gateway has stopped and every event it received has been handed to a handler.</summary>
    private async Task PumpAsync(ChannelReader<GatewayDispatch> reader)
    {
        await foreach (var dispatch in reader.ReadAllAsync(CancellationToken.None))
        {
            WatchQueue(Interlocked.Increment(ref pending));

            // Waiting for a slot happens inside the handler task, never here: a pump blocked on a slot would hold
            // back the interactions queued behind it (head-of-line blocking).
            _ = HandleOneAsync(dispatch, holdsSlot: dispatch.EventName != InteractionCreate, handlers.Token);
        }
    }

    private void WatchQueue(int length)
    {
        if (!alarmed && length >= QueueAlarm)
        {
            alarmed = true;
            LogQueueLong(logger, length);
        }
        else if (alarmed && length < QueueAlarm / 2)
        {
            alarmed = false;
        }
    }

    private async Task HandleOneAsync(GatewayDispatch dispatch, bool holdsSlot, CancellationToken stoppingToken)
    {
        var acquired = false;
        try
        {
            if (holdsSlot)
            {
                await slots.WaitAsync(stoppingToken);
                acquired = true;
            }

            await Task.Yield();
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DispatchRouter>().RouteAsync(dispatch, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogHandlerFailed(logger, dispatch.EventName, ex);
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
        finally
        {
            if (acquired)
            {
                slots.Release();
            }

            if (Interlocked.Decrement(ref pending) == 0 && Volatile.Read(ref stopping) == 1)
            {
                drained.TrySetResult();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopping the application: gateway close code {Code}: {Reason}")]
    private static partial void LogStopping(ILogger logger, int? code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord handler for {EventName} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string eventName, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord has {Length} dispatches queued or in handlers: handlers are falling behind")]
    private static partial void LogQueueLong(ILogger logger, int length);
}
