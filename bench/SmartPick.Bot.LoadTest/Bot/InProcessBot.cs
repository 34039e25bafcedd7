using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SmartPick.Bot.LoadTest.Bot;

/// <summary>BotHost.CreateBuilder(args, withAdapters: true) in this process, as Program.cs's "run" verb builds it.</summary>
public sealed class InProcessBot(string[] args) : IBotUnderTest
{
    private IHost? _host;
    private bool _disposing;
    private bool _stoppedOnItsOwn;

    public bool IsRunning => _host is not null && !_stoppedOnItsOwn;


    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _host = BotHost.CreateBuilder(args, withAdapters: true).Build();
        _host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => _stoppedOnItsOwn = !_disposing);
        await _host.StartAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is { } host)
        {
            _disposing = true;
            await host.StopAsync(TimeSpan.FromSeconds(30));
            host.Dispose();
            _host = null;
        }
    }
}
