using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Discord.Gateway;

namespace SmartPick.Bot.Discord.Hosting;

/// <summary>
/// Runs the gateway and feeds its dispatches through a bounded channel to handlers: each event in its own scope with
/// its own try/catch, at most <see cref="MaxConcurrentHandlers"/> at once, so neither a slow nor a failing handler
/// blocks the receive loop. A fatal gateway error stops the application.
/// </summary>
public sealed partial class DiscordGatewayService(
    DiscordGatewayClient gateway,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    public const int MaxConcurrentHandlers = 32;
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
                await slots.WaitAsync(stoppingToken);
                _ = HandleOneAsync(dispatch, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }

    private async Task HandleOneAsync(GatewayDispatch dispatch, CancellationToken stoppingToken)
    {
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
            slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopping the application: gateway close code {Code}: {Reason}")]
    private static partial void LogStopping(ILogger logger, int? code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord handler for {EventName} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string eventName, Exception ex);
}
