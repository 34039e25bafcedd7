using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;
using SmartPick.Bot.Telegram.Webhook;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Tests.EndToEnd;

/// <summary>
/// Webhook mode: Telegram's deliveries are handed to the adapter's receiver as the host's HTTP front door does
/// (the HTTP path itself is tested with the host, in SmartPick.Bot.Tests).
/// </summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cret_Token-1";
    private readonly FakeEngine _engine = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-webhook-").FullName;
    private FakeBotApi _api = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _host = StartHost(_engine);
        await _host.StartAsync();
        await _api.WaitUntilAsync(f => f.WebhookUrl is not null);
    }

    private IHost StartHost(FakeEngine engine) =>
        TestBot.WithFakeEngineAndSqlite(_api, engine, Path.Combine(_dir, "bot.db"), s =>
        {
            s["SmartPick:Telegram:Webhook:ClaimSeconds"] = "1";
            s["SmartPick:Telegram:Mode"] = "Webhook";
            s["SmartPick:Telegram:Webhook:Url"] = "https://bot.example.org/telegram/update";
            s["SmartPick:Http:Urls"] = "http://127.0.0.1:0"; // the front door itself is the host's
            s["SmartPick:Telegram:Webhook:SecretToken"] = Secret;
        });

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Start_RegistersTheWebhookWithTheSecret()
    {
        var call = _api.CallsOf("setWebhook").Single();

        Assert.Equal(("https://bot.example.org/telegram/update", Secret), (call.Parameters["url"]!.GetValue<string>(), call.Parameters["secret_token"]!.GetValue<string>()));
        Assert.Empty(_api.CallsOf("getUpdates"));
    }

    [Fact]
    public async Task Delivery_IsAnsweredAndARedeliveryIsNotHandledTwice()
    {
        var update = _api.TextUpdate(77, "hello via webhook");

        var first = await DeliverAsync(update, Secret);
        var again = await DeliverAsync(update, Secret);
        await _api.WaitForSentAsync(77, 1);
        await Task.Delay(300);

        Assert.Equal((200, 200), (first, again));
        Assert.Equal("echo: hello via webhook", Assert.Single(_api.SentTo(77)).Text);
    }

    [Fact]
    public async Task Delivery_AnsweredWith200_SurvivesACrashBeforeItWasHandled_AndIsHandledOnceAfterRestart()
    {
        // Arrange: this instance takes the update but never finishes its turn.
        _engine.Respond = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };
        var status = await DeliverAsync(_api.TextUpdate(80, "sent just before the crash"), Secret);
        await _api.WaitUntilAsync(_ => !_engine.Received.IsEmpty);

        // Act: the process dies with the turn in hand; a new one starts on the same database.
        using (var now = new CancellationTokenSource())
        {
            await now.CancelAsync();
            await _host.StopAsync(now.Token);
        }

        _host.Dispose();
        var restarted = new FakeEngine();
        _host = StartHost(restarted);
        await _host.StartAsync();
        await _api.WaitForSentAsync(80, 1);
        await Task.Delay(300);

        // Assert
        Assert.Equal(200, status);
        Assert.Equal("echo: sent just before the crash", Assert.Single(_api.SentTo(80)).Text);
        Assert.Single(restarted.Received);
    }

    [Fact]
    public async Task Delivery_WithAWrongSecret_IsRejected()
    {
        var status = await DeliverAsync(_api.TextUpdate(78, "spoofed"), "wrong");

        Assert.Equal(401, status);
        Assert.Empty(_engine.Received);
    }

    [Theory]
    [InlineData("{\"update_id\":5,\"message\":{")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("null")]
    public async Task MalformedDelivery_IsRejectedWith400_AndTheNextOneIsHandled(string body)
    {
        var bad = await DeliverRawAsync(body, Secret);
        var good = await DeliverAsync(_api.TextUpdate(79, "after the bad one"), Secret);
        await _api.WaitForSentAsync(79, 1);

        Assert.Equal((400, 200), (bad, good));
        Assert.Equal("echo: after the bad one", Assert.Single(_api.SentTo(79)).Text);
    }

    private Task<int> DeliverAsync(Update update, string secret) => DeliverRawAsync(JsonSerializer.Serialize(update, JsonBotAPI.Options), secret);

    private async Task<int> DeliverRawAsync(string body, string secret)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return await _host.Services.GetRequiredService<WebhookReceiver>().ReceiveAsync(secret, stream, CancellationToken.None);
    }
}
