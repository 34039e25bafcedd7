using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartPick.Bot.Discord.Tests.FakeDiscord;

/// <summary>
/// An in-process fake Discord on 127.0.0.1:0: WebSocket gateway (/gw, /gw-resume) and REST (/api/v10) that records
/// and validates every body against the OpenAPI spec and the semantic rules, enforces the interaction deadline (10062
/// after 3 s), rejects double acknowledgement (40060), and emits rate-limit headers and scripted 429s.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    public const string Token = "test-token";
    private static readonly TimeSpan AckDeadline = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);
    private readonly WebApplication app;
    private readonly TimeProvider time;
    private int messageIds = 1000;
    private int interactionIds;

    private FakeDiscordServer(WebApplication app, TimeProvider time)
    {
        this.app = app;
        this.time = time;
    }

    public FakeGateway Gateway { get; } = new(Token);

    public string BaseUrl { get; private set; } = string.Empty;

    public string ApiBase => BaseUrl + "/api/v10";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Called as each REST request is recorded, before it is answered (the load harness timestamps replies with it).</summary>
    public Action<RecordedRequest>? RequestRecorded { get; set; }

    public ConcurrentDictionary<string, FakeInteractionState> Interactions { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<ScriptedLimit> Limits { get; } = new();

    /// <summary>When set, REST routes other than interaction routes answer 401 unless <c>Authorization: Bot test-token</c>.</summary>
    public bool RequireRestAuth { get; set; }

    /// <summary>Paths whose next answer reports an empty bucket (remaining 0) that resets after the given seconds.</summary>
    public ConcurrentQueue<(string PathContains, double ResetAfter)> ExhaustedBuckets { get; } = new();

    /// <summary>The server a guild interaction of a user comes from (default "222"); a sharded run spreads users over servers.</summary>
    public Func<string, string>? GuildOf { get; set; }

    /// <summary>
    /// Validates one request body in this many against the OpenAPI spec and Discord's rules (1, the default: every one).
    /// Validation costs more CPU than the bot's own work, so a large load run on a small machine may sample.
    /// </summary>
    public int ValidateOneIn { get; set; } = 1;

    /// <summary>Request bodies validated so far.</summary>
    public int ValidatedCount => Volatile.Read(ref validated);

    private int alreadyAcknowledged;
    private int unknownInteraction;
    private int validationTicket;
    private int validated;

    /// <summary>Callbacks rejected with 40060 (must stay 0).</summary>
    public int AlreadyAcknowledgedCount => Volatile.Read(ref alreadyAcknowledged);

    /// <summary>Callbacks rejected with 10062 (deadline missed or unknown id).</summary>
    public int UnknownInteractionCount => Volatile.Read(ref unknownInteraction);

    public IEnumerable<string> ValidationErrors => Requests.SelectMany(r => r.Errors.Select(e => $"{r.Method} {r.Path}: {e}"));

    public IEnumerable<RecordedRequest> RequestsTo(string pathContains) => Requests.Where(r => r.Path.Contains(pathContains, StringComparison.Ordinal));

    public static async Task<FakeDiscordServer> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscordServer(app, time);
        app.UseWebSockets();
        app.Use(fake.GatewayMiddlewareAsync);
        app.Use(fake.RestMiddlewareAsync);
        fake.MapRoutes();
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Gateway.BaseWs = "ws" + fake.BaseUrl["http".Length..];
        return fake;
    }

    /// <summary>An ordinary member's permission bits (Discord's default @everyone set: no Manage Server, no Administrator).</summary>
    public const string MemberPermissions = "104324673";

    /// <summary>Registers an interaction (receipt time = now) and returns its gateway JSON; guild members carry their permissions, as Discord sends them.</summary>
    /// <param name="messageJson">For a component or a modal opened from one: the message it was on (Discord sends it, with its flags).</param>
    public string NewInteraction(int type, string dataJson, bool inGuild, string userId = "53908232506183680", string channelId = "645027906669510667", string permissions = MemberPermissions, string? messageJson = null)
    {
        var id = (1300000000000000000L + Interlocked.Increment(ref interactionIds)).ToString(CultureInfo.InvariantCulture);
        var token = "itoken" + id;
        Interactions[id] = new FakeInteractionState(id, token, time.GetUtcNow());
        var who = inGuild
            ? "\"guild_id\":\"" + (GuildOf?.Invoke(userId) ?? "222") + "\",\"member\":{\"user\":{\"id\":\"" + userId + "\",\"username\":\"resident42\"},\"permissions\":\"" + permissions + "\"},\"context\":0"
            : "\"user\":{\"id\":\"" + userId + "\",\"username\":\"resident42\"},\"context\":1";
        var message = messageJson is null ? string.Empty : ",\"message\":" + messageJson;
        return $$"""{"id":"{{id}}","application_id":"333","type":{{type}},"token":"{{token}}","version":1,"channel_id":"{{channelId}}",{{who}},"data":{{dataJson}}{{message}},"app_permissions":"0","entitlements":[]}""";
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Drop();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(cts.Token);
        await app.DisposeAsync();
    }

    private async Task GatewayMiddlewareAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path is "/gw" or "/gw-resume" && context.WebSockets.IsWebSocketRequest)
        {
            using var ws = await context.WebSockets.AcceptWebSocketAsync();
            await Gateway.HandleAsync(ws, path, context.RequestAborted);
            return;
        }

        await next(context);
    }

    private async Task RestMiddlewareAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        JsonElement? body = null;
        string? fileName = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            body = JsonDocument.Parse(form["payload_json"].ToString()).RootElement.Clone();
            fileName = form.Files.GetFile("files[0]")?.FileName;
        }
        else if (request.ContentLength > 0 || request.Headers.ContentType.Count > 0)
        {
            body = (await JsonDocument.ParseAsync(request.Body)).RootElement.Clone();
        }

        IReadOnlyList<string> errors = [];
        try
        {
            if (ValidateOneIn <= 1 || Interlocked.Increment(ref validationTicket) % ValidateOneIn == 1)
            {
                Interlocked.Increment(ref validated);
                errors = FakeDiscordValidation.Validate(request.Method, path, body, fileName);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            errors = ["validator failed: " + ex];
        }

        var recorded = new RecordedRequest(request.Method, path, body, fileName, request.Headers.Authorization, request.Headers.UserAgent, errors);
        Requests.Enqueue(recorded);
        RequestRecorded?.Invoke(recorded);
        context.Items["body"] = body;

        var interactionRoute = path.StartsWith("/api/v10/interactions/", StringComparison.Ordinal) || path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal);
        if (RequireRestAuth && !interactionRoute && request.Headers.Authorization != "Bot " + Token)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { message = "401: Unauthorized", code = 0 });
            return;
        }

        var limit = Limits.FirstOrDefault(l => l.Remaining > 0 && path.Contains(l.PathContains, StringComparison.Ordinal));
        if (limit is not null)
        {
            limit.Remaining--;
            await WriteTooManyRequestsAsync(context, limit);
            return;
        }

        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = "5";
        headers["X-RateLimit-Remaining"] = "4";
        headers["X-RateLimit-Reset-After"] = "1.000";
        headers["X-RateLimit-Reset"] = (time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0 + 1).ToString("F3", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = "bucket-" + string.Join('-', path.Split('/').Skip(3).Take(1));
        if (ExhaustedBuckets.TryPeek(out var exhausted) && path.Contains(exhausted.PathContains, StringComparison.Ordinal) && ExhaustedBuckets.TryDequeue(out _))
        {
            headers["X-RateLimit-Remaining"] = "0";
            headers["X-RateLimit-Reset-After"] = exhausted.ResetAfter.ToString("F3", CultureInfo.InvariantCulture);
        }
        await next(context);
    }

    private static async Task WriteTooManyRequestsAsync(HttpContext context, ScriptedLimit limit)
    {
        context.Response.StatusCode = 429;
        if (limit.Headerless)
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>error code: 1015</html>");
            return;
        }

        var retry = limit.RetryAfter.ToString("F3", CultureInfo.InvariantCulture);
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = "5";
        headers["X-RateLimit-Remaining"] = "0";
        headers["X-RateLimit-Reset-After"] = retry;
        headers["Retry-After"] = retry;
        headers["X-RateLimit-Scope"] = limit.Global ? "global" : "user";
        if (limit.Global)
        {
            headers["X-RateLimit-Global"] = "true";
        }

        await context.Response.WriteAsJsonAsync(new { message = "You are being rate limited.", retry_after = limit.RetryAfter, global = limit.Global });
    }

    private static IResult Error(int status, int code, string message) => Results.Json(new { code, message }, statusCode: status);

    private IResult Message(string channelId) =>
        Results.Json(new { id = Interlocked.Increment(ref messageIds).ToString(CultureInfo.InvariantCulture), channel_id = channelId, content = string.Empty });
}
