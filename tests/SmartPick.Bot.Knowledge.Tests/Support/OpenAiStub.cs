using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmartPick.Bot.Knowledge.Tests.Support;

/// <summary>
/// An OpenAI-compatible chat-completions server on 127.0.0.1 (random port), answering like the real API: JSON
/// completions, tool calls, SSE streaming when the request asks for it, and OpenAI-shaped error bodies.
/// Every request body is recorded for assertions.
/// </summary>
internal sealed class OpenAiStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<JsonObject, int, StubReply> _responder;
    private int _count;

    private OpenAiStub(WebApplication app, Func<JsonObject, int, StubReply> responder)
    {
        _app = app;
        _responder = responder;
    }

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public Uri Endpoint => new(_app.Urls.First() + "/v1/");

    public static async Task<OpenAiStub> StartAsync(Func<JsonObject, int, StubReply> responder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new OpenAiStub(app, responder);
        app.MapPost("/v1/chat/completions", stub.HandleAsync);
        await app.StartAsync();
        return stub;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
        Requests.Enqueue(body);
        var reply = _responder(body, Interlocked.Increment(ref _count) - 1);
        var stream = body["stream"]?.GetValue<bool>() == true;
        await reply.WriteAsync(context, body["model"]?.GetValue<string>() ?? "m", stream);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Messages of a recorded request as (role, content) pairs.</summary>
    public static IReadOnlyList<(string Role, string Content)> Messages(JsonObject request) =>
        request["messages"]!.AsArray()
            .Select(m => (m!["role"]!.GetValue<string>(), m["content"] is JsonValue v ? v.GetValue<string>() : m["content"]?.ToJsonString() ?? string.Empty))
            .ToList();
}

/// <summary>What the stub sends back for one request.</summary>
internal abstract record StubReply
{
    public static StubReply Text(string content) => new TextReply(content);

    public static StubReply ToolCall(string function, object arguments) => new ToolReply(function, JsonSerializer.Serialize(arguments));

    public static StubReply Error(int status, string message, string type = "invalid_request_error") => new ErrorReply(status, message, type);

    public static StubReply Hang() => new HangReply();

    /// <summary>SSE chunks whatever the request asked for, as a misconfigured proxy or a server that always streams does.</summary>
    public static StubReply AlwaysStream(string content) => new AlwaysStreamReply(new TextReply(content));

    public abstract Task WriteAsync(HttpContext context, string model, bool stream);

    private static JsonObject Completion(string model, JsonObject message, string finish) => new()
    {
        ["id"] = "chatcmpl-stub",
        ["object"] = "chat.completion",
        ["created"] = 1700000000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["finish_reason"] = finish, ["message"] = message }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
    };

    private static JsonObject Chunk(string model, JsonObject delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-stub",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1700000000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private static async Task WriteSseAsync(HttpContext context, IEnumerable<JsonObject> chunks)
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var chunk in chunks)
        {
            await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n");
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private sealed record TextReply(string Content) : StubReply
    {
        public override Task WriteAsync(HttpContext context, string model, bool stream)
        {
            if (!stream)
            {
                return context.Response.WriteAsJsonAsync(Completion(model, new JsonObject { ["role"] = "assistant", ["content"] = Content }, "stop"));
            }

            // Three pieces, then the closing chunk, as a real server streams.
            var third = Math.Max(1, Content.Length / 3);
            var pieces = Enumerable.Range(0, 3).Select(i => i < 2 ? Content.Substring(Math.Min(i * third, Content.Length), Math.Min(third, Math.Max(0, Content.Length - (i * third)))) : Content[Math.Min(2 * third, Content.Length)..]);
            var chunks = pieces.Select((p, i) => Chunk(model, i == 0 ? new JsonObject { ["role"] = "assistant", ["content"] = p } : new JsonObject { ["content"] = p }, null))
                .Append(Chunk(model, [], "stop"));
            return WriteSseAsync(context, chunks);
        }
    }

    private sealed record ToolReply(string Function, string Arguments) : StubReply
    {
        public override Task WriteAsync(HttpContext context, string model, bool stream)
        {
            JsonObject Call() => new()
            {
                ["index"] = 0,
                ["id"] = "call_1",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = Function, ["arguments"] = Arguments },
            };
            if (!stream)
            {
                var message = new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(Call()) };
                return context.Response.WriteAsJsonAsync(Completion(model, message, "tool_calls"));
            }

            return WriteSseAsync(context, [
                Chunk(model, new JsonObject { ["role"] = "assistant", ["tool_calls"] = new JsonArray(Call()) }, null),
                Chunk(model, [], "tool_calls"),
            ]);
        }
    }

    private sealed record ErrorReply(int Status, string Message, string Type) : StubReply
    {
        public override Task WriteAsync(HttpContext context, string model, bool stream)
        {
            context.Response.StatusCode = Status;
            return context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = Message, ["type"] = Type, ["param"] = null, ["code"] = null },
            });
        }
    }

    private sealed record AlwaysStreamReply(StubReply Inner) : StubReply
    {
        public override Task WriteAsync(HttpContext context, string model, bool stream) => Inner.WriteAsync(context, model, stream: true);
    }

    private sealed record HangReply : StubReply
    {
        public override async Task WriteAsync(HttpContext context, string model, bool stream)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as intended.
            }
        }
    }
}
