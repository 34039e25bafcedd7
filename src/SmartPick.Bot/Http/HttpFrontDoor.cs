using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartPick.Bot.Http;

/// <summary>
/// The one HTTP server of the bot (Kestrel on <see cref="HttpOptions.Urls"/>): health, readiness, metrics, the
/// Telegram webhook and the Discord interactions endpoint (<see cref="FrontDoorEndpoints"/>). It is a small web app
/// of its own whose handlers call into the bot's services, so the bot's composition stays a plain generic host and
/// the server exists only when configured. A port that cannot be bound fails the start (exit code 1).
/// </summary>
public sealed partial class HttpFrontDoor(IServiceProvider services, IOptions<HttpOptions> options, ILoggerFactory loggers, ILogger<HttpFrontDoor> logger)
    : IHostedService, IAsyncDisposable
{
    private const long MaxRequestBytes = 1024 * 1024; // updates and interactions are a few KB

    private WebApplication? app;

    /// <summary>The bound addresses (with the real port when configured as :0).</summary>
    public IReadOnlyList<string> Addresses => app?.Urls.ToList() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        builder.WebHost.UseUrls(options.Value.Urls!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Services.AddSingleton(loggers);
        builder.Services.AddRoutingCore();
        app = builder.Build();
        FrontDoorEndpoints.Map(app, services);
        await app.StartAsync(cancellationToken);
        LogListening(logger, app.Urls);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP front door listening on {Addresses} (/healthz, /readyz, /metrics)")]
    private static partial void LogListening(ILogger logger, ICollection<string> addresses);
}
