using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SmartPick.Bot.Telegram.Tests.Fakes;

/// <summary>
/// A local Telegram Bot API server on 127.0.0.1:0 that answers like the real one: <c>/bot&lt;token&gt;/&lt;method&gt;</c>
/// routing, <c>{ok,result}</c> and <c>{ok:false,error_code,description[,parameters]}</c> envelopes, Unix-second
/// dates, long-poll getUpdates that confirms updates below <c>offset</c> and waits up to <c>timeout</c>, 409 for
/// competing pollers, 400s for bad HTML, over-long text and bad button data, multipart sendPhoto. Tests play
/// users through <see cref="SendText"/> and <see cref="PressButton"/> and assert on recorded calls.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    public const long BotId = 7000001;

    /// <summary>Pass as the error code to <see cref="FailNext"/> to drop the connection instead of answering.</summary>
    public const int DropConnection = 0;
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<Update> _queue = [];
    private readonly List<RecordedCall> _calls = [];
    private readonly Dictionary<long, Chat> _chats = [];
    private readonly Dictionary<(long Chat, int Id), Message> _messages = [];
    private readonly Dictionary<int, long> _enqueuedAt = [];
    private readonly HashSet<string> _openCallbacks = [];
    private readonly Queue<ScriptedFailure> _failures = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TaskCompletionSource _changed = NewSignal();
    private CancellationTokenSource? _activePoll;
    private int _nextUpdateId = 500_000;
    private int _nextMessageId = 1;
    private int _nextCallbackId = 1;

    private FakeBotApi(WebApplication app, string token, string username)
    {
        _app = app;
        Token = token;
        Username = username;
    }

    public string Token { get; }

    public string Username { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public string? WebhookUrl { get; private set; }

    public static async Task<FakeBotApi> StartAsync(string token = "123456:TEST-token", string username = "SmartPickTestBot")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotApi(app, token, username);
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], fake.HandleAsync);
        app.MapFallback(ctx => WriteAsync(ctx, 404, Error(404, "Not Found")));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return fake;
    }

    /// <summary>Milliseconds since the fake started (for latency figures, not assertions).</summary>
    public double NowMs => _clock.Elapsed.TotalMilliseconds;

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<RecordedCall> CallsOf(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>Successful sendMessage/sendPhoto calls to one chat, in order.</summary>
    public IReadOnlyList<RecordedCall> SentTo(long chatId) =>
        [.. Calls.Where(c => c.Succeeded && c.Method is "sendMessage" or "sendPhoto" && c.ChatId == chatId)];

    /// <summary>The next call to <paramref name="method"/> is answered with this raw body instead of a Bot API envelope.</summary>
    public void AnswerNextRaw(string method, int status, string contentType, string body)
    {
        lock (_gate)
        {
            _failures.Enqueue(new ScriptedFailure(method, status, string.Empty, null, body, contentType));
        }
    }

    /// <summary>The next call to <paramref name="method"/> fails with this envelope (e.g. 429 with retry_after).</summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null)
    {
        lock (_gate)
        {
            _failures.Enqueue(new ScriptedFailure(method, errorCode, description, retryAfter));
        }
    }

    public async Task WaitUntilAsync(Func<FakeBotApi, bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!condition(this))
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Fake Bot API: condition not met in time{(because is null ? string.Empty : ": " + because)}.");
            }
        }
    }

    public Task<IReadOnlyList<RecordedCall>> WaitForSentAsync(long chatId, int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(f => f.SentTo(chatId).Count >= count, timeout, $"{count} messages to chat {chatId}")
            .ContinueWith(_ => SentTo(chatId), TaskScheduler.Default);

    public int PendingUpdates
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public double? EnqueuedAtMs(int updateId)
    {
        lock (_gate)
        {
            return _enqueuedAt.TryGetValue(updateId, out var ticks) ? ticks / (double)Stopwatch.Frequency * 1000 : null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Record(RecordedCall call)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _calls.Add(call);
            signal = _changed;
            _changed = NewSignal();
        }

        signal.TrySetResult();
    }

    private void Signal()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            signal = _changed;
            _changed = NewSignal();
        }

        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static JsonObject Ok(JsonNode? result) => new() { ["ok"] = true, ["result"] = result };

    private static JsonObject Error(int code, string description, int? retryAfter = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return error;
    }

    private static JsonNode? ToJson<T>(T value) => JsonSerializer.SerializeToNode(value, JsonBotAPI.Options);

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private sealed record ScriptedFailure(string Method, int ErrorCode, string Description, int? RetryAfter, string? RawBody = null, string? ContentType = null);
}

/// <summary>One Bot API request as the fake saw it: parameters as JSON (form fields included), outcome, arrival time.</summary>
public sealed record RecordedCall(string Method, JsonObject Parameters, int Status, double AtMs, int? MessageId = null, long? PhotoBytes = null)
{
    public bool Succeeded => Status == 200;

    public long? ChatId => Parameters["chat_id"] is { } id ? long.Parse(id.ToString(), System.Globalization.CultureInfo.InvariantCulture) : null;

    public string? Text => (Parameters["text"] ?? Parameters["caption"])?.GetValue<string>();

    public string? ParseMode => Parameters["parse_mode"]?.GetValue<string>();

    public JsonArray? InlineKeyboard => Parameters["reply_markup"]?["inline_keyboard"]?.AsArray();
}
