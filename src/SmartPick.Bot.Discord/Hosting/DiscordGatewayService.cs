using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Discord.Gateway;

namespace SmartPick.Bot.Discord.Hosting;

/// <summary>
/// Runs the gateway and feeds its dispatches through a bounded channel to handlers: each event in its own scope with
/// its own try/catch, so neither a slow nor a failing handler blocks the receive loop. Other events share
/// <see cref="MaxConcurrentHandlers"/> slots; interactions never wait for a slot, because Discord's 3-second
/// acknowledgement deadline runs from receipt and a slot can be held for tens of seconds by DM sends queued behind
/// the global rate limit (the load run showed 10062s at 300 simultaneous users when interactions queued for slots).
/// Interaction callbacks are exempt from the global limit, and users cannot send a new interaction before the bot
/// answers the last, so their number in flight stays bounded by the number of active users.
/// A fatal gateway error stops the application.
/// </summary>
public sealed partial class DiscordGatewayService(
    DiscordGatewayClient gateway,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    AdapterFailure failure,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    public const int MaxConcurrentHandlers = 32;
    private const string InteractionCreate = "INTERACTION_CREATE";
    private readonly SemaphoreSlim slots = new(MaxConcurrentHandlers, MaxConcurrentHandlers);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channel = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(256)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
        var pump = PumpAsync(channel.Reader, stoppingToken);
        try
        {
            await gateway.RunAsync(channel.Writer, stoppingToken);
        }
        catch (GatewayFatalException ex)
        {
            LogStopping(logger, ex.CloseCode, ex.Message);
            failure.Report("discord"); // a fatal adapter error is a failed run, not a clean stop
            lifetime.StopApplication();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        finally
        {
            channel.Writer.TryComplete();
            await pump;
        }
    }

    private async Task PumpAsync(ChannelReader<GatewayDispatch> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var dispatch in reader.ReadAllAsync(stoppingToken))
            {
                // Waiting for a slot happens inside the handler task, never here: a pump blocked on a slot would hold
                // back the interactions queued behind it (head-of-line blocking).
                _ = HandleOneAsync(dispatch, holdsSlot: dispatch.EventName != InteractionCreate, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }

    private async Task HandleOneAsync(GatewayDispatch dispatch, bool holdsSlot, CancellationToken stoppingToken)
    {
        if (holdsSlot)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return; // shutdown
            }
        }

        try
        {
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
            if (holdsSlot)
            {
                slots.Release();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopping the application: gateway close code {Code}: {Reason}")]
    private static partial void LogStopping(ILogger logger, int? code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord handler for {EventName} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string eventName, Exception ex);
}
