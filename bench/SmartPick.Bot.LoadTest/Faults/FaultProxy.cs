using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartPick.Bot.LoadTest.Faults;

/// <summary>What the proxy does with a request right now.</summary>
public enum ProxyMode
{
    Forward,

    /// <summary>Telegram's 500 envelope for every method.</summary>
    ServerError,

    /// <summary>Hold the request without answering until the mode changes, then drop the connection (a timeout).</summary>
    Hang,
}

/// <summary>
/// A loopback proxy between the bot and the fake Bot API that can play an outage: 500s, or requests that hang and
/// then lose their connection. It counts the requests it sees per mode, to show whether the bot backs off.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly string _target;
    private readonly long[] _requests = new long[3];
    private volatile ProxyMode _mode;
    private TaskCompletionSource _modeChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FaultProxy(WebApplication app, string target)
    {
        _app = app;
        _target = target.TrimEnd('/');
        _upstream = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public long RequestsIn(ProxyMode mode) => Interlocked.Read(ref _requests[(int)mode]);

    public ProxyMode Mode
    {
        get => _mode;
        set
        {
            _mode = value;
            Interlocked.Exchange(ref _modeChanged, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    public static async Task<FaultProxy> StartAsync(string target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new FaultProxy(app, target);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        Mode = ProxyMode.Forward;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var mode = _mode;
        Interlocked.Increment(ref _requests[(int)mode]);
        switch (mode)
        {
            case ProxyMode.ServerError:
                context.Response.StatusCode = 500;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"ok":false,"error_code":500,"description":"Internal Server Error"}""");
                return;
            case ProxyMode.Hang:
                await _modeChanged.Task.WaitAsync(context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                context.Abort();
                return;
            default:
                await ForwardAsync(context);
                return;
        }
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), _target + context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
            if (context.Request.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        try
        {
            using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }
}
