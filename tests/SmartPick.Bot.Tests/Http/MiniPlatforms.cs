using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmartPick.Bot.Tests.Http;

/// <summary>
/// A small loopback stand-in for Discord (GET /gateway/bot, the v10 JSON gateway, the interaction callback) and the
/// Telegram Bot API (getMe, setMyCommands, setWebhook, sendMessage), answering like the real services do, so the
/// real host process can be run against it. The adapters' own test projects hold the full fakes.
/// </summary>
public sealed class MiniPlatforms : IAsyncDisposable
{
    public const string DiscordToken = "discord-test-token";
    public const string TelegramToken = "123456:TEST-token";
    private readonly WebApplication app;
    private WebSocket? socket;
    private int sequence;

    private MiniPlatforms(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>401 on every Discord REST call (a revoked token).</summary>
    public bool RejectDiscordToken { get; set; }

    /// <summary>Answer IDENTIFY with this close code instead of READY (e.g. 4004 authentication failed).</summary>
    public int? CloseOnIdentify { get; set; }

    /// <summary>While true the gateway refuses connections (503) and drops the open one.</summary>
    public bool GatewayDown { get; private set; }

    private int identifies;

    public ConcurrentQueue<string> DiscordCallbacks { get; } = new();

    public ConcurrentQueue<(long ChatId, string Text)> TelegramMessages { get; } = new();

    public static async Task<MiniPlatforms> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new MiniPlatforms(app);
        app.UseWebSockets();
        app.MapGet("/api/v10/gateway/bot", fake.GatewayBot);
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", async (HttpContext c, string id) =>
        {
            fake.DiscordCallbacks.Enqueue(id);
            c.Response.StatusCode = 204;
            await Task.CompletedTask;
        });
        app.Map("/gw", fake.GatewayAsync);
        app.MapPost("/bot{token}/{method}", fake.TelegramAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    public void SetGatewayDown(bool down)
    {
        GatewayDown = down;
        if (down)
        {
            socket?.Abort();
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private IResult GatewayBot(HttpContext context) => RejectDiscordToken || context.Request.Headers.Authorization != "Bot " + DiscordToken
        ? Results.Json(new { message = "401: Unauthorized", code = 0 }, statusCode: 401)
        : Results.Json(new { url = BaseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/gw", shards = 1, session_start_limit = new { total = 1000, remaining = 999, reset_after = 14_400_000, max_concurrency = 1 } });

    private async Task GatewayAsync(HttpContext context)
    {
        if (GatewayDown || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 503;
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        socket = ws;
        await SendAsync(ws, """{"op":10,"d":{"heartbeat_interval":41250}}""");
        var buffer = new byte[64 * 1024];
        while (ws.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await ws.ReceiveAsync(buffer, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            using var payload = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
            switch (payload.RootElement.GetProperty("op").GetInt32())
            {
                case 1:
                    await SendAsync(ws, """{"op":11}""");
                    break;
                case 2 when CloseOnIdentify is { } code:
                    await ws.CloseOutputAsync((WebSocketCloseStatus)code, "scripted", CancellationToken.None);
                    return;
                case 2 or 6:
                    Interlocked.Increment(ref identifies);
                    var ready = "{\"v\":10,\"user\":{\"id\":\"111\",\"username\":\"smartpick\",\"bot\":true},\"guilds\":[],\"session_id\":\"s" + identifies
                        + "\",\"resume_gateway_url\":\"" + BaseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/gw\",\"application\":{\"id\":\"333\",\"flags\":0}}";
                    await SendAsync(ws, "{\"op\":0,\"s\":" + Interlocked.Increment(ref sequence) + ",\"t\":\"READY\",\"d\":" + ready + "}");
                    break;
            }
        }
    }

    private async Task TelegramAsync(HttpContext context, string token, string method)
    {
        if (token != TelegramToken)
        {
            await context.Response.WriteAsJsonAsync(new { ok = false, error_code = 401, description = "Unauthorized" });
            context.Response.StatusCode = 401;
            return;
        }

        var form = context.Request.HasJsonContentType()
            ? await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body)
            : default;
        object? result = method switch
        {
            "getMe" => new { id = 7000001, is_bot = true, first_name = "SmartPick", username = "SmartPickTestBot" },
            "sendMessage" => SendMessage(form),
            _ => true, // setMyCommands, setWebhook, deleteWebhook, answerCallbackQuery, sendChatAction
        };
        await context.Response.WriteAsJsonAsync(new { ok = true, result });
    }

    private object SendMessage(JsonElement form)
    {
        var chat = form.GetProperty("chat_id").GetInt64();
        TelegramMessages.Enqueue((chat, form.GetProperty("text").GetString() ?? string.Empty));
        return new { message_id = TelegramMessages.Count, date = 1_765_000_000, chat = new { id = chat, type = "private" }, text = "ok" };
    }

    private static Task SendAsync(WebSocket ws, string json) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
}
