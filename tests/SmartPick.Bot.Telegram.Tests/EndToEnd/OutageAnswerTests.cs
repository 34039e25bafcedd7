using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Telegram.Receiving;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.EndToEnd;

/// <summary>
/// During an outage the Bot API (or a proxy in front of it) answers things that are not its JSON: an HTML error
/// page, truncated JSON with a 200. Polling backs off and goes on; the host stays up.
/// </summary>
public sealed class OutageAnswerTests : IAsyncLifetime
{
    private const long Ann = 1001;
    private readonly FakeEngine _engine = new();
    private FakeBotApi _api = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _host = TestBot.WithFakeEngine(_api, _engine, new InMemoryAdapterStateStore());
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task HtmlErrorPageAndTruncatedJson_OnGetUpdates_PollingRecoversAndAnswers()
    {
        // Arrange
        _api.AnswerNextRaw("getUpdates", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
        _api.AnswerNextRaw("getUpdates", 200, "application/json", """{"ok":true,"result":[{"update_id":1,"message":{"message_id":""");
        var lifetime = _host.Services.GetRequiredService<IHostApplicationLifetime>();
        await _host.StartAsync();

        // Act
        _api.SendText(Ann, "still there?");
        var sent = await _api.WaitForSentAsync(Ann, 1);
        var readiness = await _host.Services.GetRequiredService<TelegramReadiness>().CheckHealthAsync(new HealthCheckContext());

        // Assert
        Assert.Equal("echo: still there?", Assert.Single(sent).Text);
        Assert.Equal(HealthStatus.Healthy, readiness.Status);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task WhileGetUpdatesFails_TheAdapterIsNotReady()
    {
        // Arrange: every poll gets an HTML page for a while.
        for (var i = 0; i < 50; i++)
        {
            _api.AnswerNextRaw("getUpdates", 503, "text/html", "<html><body>Service Unavailable</body></html>");
        }

        var readiness = _host.Services.GetRequiredService<TelegramReadiness>();
        await _host.StartAsync();

        // Act
        await _api.WaitUntilAsync(f => f.CallsOf("getUpdates").Count >= 2);
        var during = await readiness.CheckHealthAsync(new HealthCheckContext());

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, during.Status);
        Assert.Contains("getUpdates failing", during.Description, StringComparison.Ordinal);
    }
}
