using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Tests.EndToEnd;

/// <summary>Webhook mode: Telegram's deliveries are simulated by POSTing updates to the adapter's listener.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cret_Token-1";
    private readonly FakeEngine _engine = new();
    private static readonly HttpClient Http = new();
    private FakeBotApi _api = null!;
    private IHost _host = null!;
    private string _listenUrl = string.Empty;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _listenUrl = $"http://127.0.0.1:{FreePort()}/telegram/update/";
        _host = TestBot.WithFakeEngine(_api, _engine, new InMemoryAdapterStateStore(), s =>
        {
            s["SmartPick:Telegram:Mode"] = "Webhook";
            s["SmartPick:Telegram:Webhook:Url"] = "https://bot.example.org/telegram/update";
            s["SmartPick:Telegram:Webhook:ListenUrl"] = _listenUrl;
            s["SmartPick:Telegram:Webhook:SecretToken"] = Secret;
        });
        await _host.StartAsync();
        await _api.WaitUntilAsync(f => f.WebhookUrl is not null);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _api.DisposeAsync();
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

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first, again));
        Assert.Equal("echo: hello via webhook", Assert.Single(_api.SentTo(77)).Text);
    }

    [Fact]
    public async Task Delivery_WithAWrongSecret_IsRejected()
    {
        var status = await DeliverAsync(_api.TextUpdate(78, "spoofed"), "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_engine.Received);
    }

    private async Task<HttpStatusCode> DeliverAsync(Update update, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _listenUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(update, JsonBotAPI.Options), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
