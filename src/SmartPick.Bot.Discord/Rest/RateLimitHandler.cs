using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Discord.Telemetry;

namespace SmartPick.Bot.Discord.Rest;

/// <summary>
/// Discord REST rate limiting as a <see cref="DelegatingHandler"/>: per-route buckets learned from
/// <c>X-RateLimit-*</c> headers (keyed by bucket hash and major parameter), queued rather than dropped; 429s wait
/// <c>retry_after</c> seconds (float) then retry; global 429s pause everything but interaction routes; a 50/s global
/// limiter; a breaker after a 401 (bad token) or a header-less 429 (Cloudflare ban) so the invalid-request budget
/// is never burnt. With several instances (<paramref name="shared"/> registered: PostgreSQL) the 50/s is one budget in
/// the database for all of them; route buckets stay per instance (they are learned from each response's headers).
/// </summary>
public sealed partial class RateLimitHandler(TimeProvider time, DiscordMetrics metrics, ILogger<RateLimitHandler> logger, IOptions<DiscordOptions>? options = null, ISendBudget? shared = null)
    : DelegatingHandler
{
    private const int GlobalPerSecond = 50;
    private const int MaxAttempts = 5;
    private static readonly TimeSpan CloudflareBackoff = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, string> routeBuckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> buckets = new(StringComparer.Ordinal);
    /// <summary>Limit for one HTTP attempt once it has rate-limit capacity (HttpClient.Timeout is infinite).</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private readonly SlidingWindowLimiter globalLimiter = new(GlobalPerSecond, TimeSpan.FromSeconds(1), time);
    private readonly InvalidRequestCounter invalidRequests = new(time);
    private DateTimeOffset globalResumeAt;
    private DateTimeOffset blockedUntil;
    private bool unauthorized;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            globalLimiter.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.From(request);
        for (var attempt = 1; ; attempt++)
        {
            ThrowIfBlocked(route);
            var bucket = BucketFor(route);
            HttpResponseMessage response;
            await bucket.Gate.WaitAsync(cancellationToken);
            try
            {
                await bucket.WaitForCapacityAsync(time, cancellationToken);
                if (!route.IsInteraction)
                {
                    await WaitGlobalAsync(cancellationToken);
                }

                // The time limit covers the request itself, not the wait for rate-limit capacity above: under a
                // burst, queueing for the global limit can exceed it and must delay a send, not fail it.
                using (var attemptTimeout = new CancellationTokenSource(AttemptTimeout, time))
                using (var attemptLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token))
                {
                    response = await base.SendAsync(request, attemptLimit.Token);
                }
                if (bucket.Update(response.Headers, time) is { } hash)
                {
                    Learn(route, hash, bucket);
                }
            }
            finally
            {
                bucket.Gate.Release();
            }

            if (!await ShouldRetryAsync(route, bucket, response, attempt, cancellationToken))
            {
                return response;
            }

            response.Dispose();
        }
    }

    private async Task<bool> ShouldRetryAsync(DiscordRoute route, RateLimitBucket bucket, HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.TooManyRequests:
                var scope = response.Headers.TryGetValues("X-RateLimit-Scope", out var s) ? s.FirstOrDefault() : null;
                if (scope != "shared")
                {
                    invalidRequests.Record();
                }

                var (retryAfter, global) = await ReadRetryAsync(response, cancellationToken);
                metrics.RateLimited(retryAfter is null ? "cloudflare" : global ? "global" : scope == "shared" ? "shared" : "user");
                if (retryAfter is null)
                {
                    // A 429 without rate-limit headers or body is Cloudflare: stop everything for minutes.
                    blockedUntil = time.GetUtcNow() + CloudflareBackoff;
                    LogCloudflare(logger, CloudflareBackoff.TotalMinutes);
                    return false;
                }

                LogRateLimited(logger, route.Template, retryAfter.Value.TotalSeconds, global, scope);
                if (global)
                {
                    globalResumeAt = time.GetUtcNow() + retryAfter.Value;
                }
                else
                {
                    bucket.BlockFor(retryAfter.Value, time);
                }

                if (global && route.IsInteraction)
                {
                    await Task.Delay(retryAfter.Value, time, cancellationToken);
                }

                return attempt < MaxAttempts;
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                invalidRequests.Record();
                if (response.StatusCode == HttpStatusCode.Unauthorized && !route.IsInteraction)
                {
                    unauthorized = true;
                    LogUnauthorized(logger);
                }

                return false;
            case >= HttpStatusCode.InternalServerError when IsIdempotent(route) && attempt < 3:
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    private static bool IsIdempotent(DiscordRoute route) =>
        route.Template.StartsWith("GET ", StringComparison.Ordinal) || route.Template.StartsWith("PUT ", StringComparison.Ordinal);

    private void ThrowIfBlocked(DiscordRoute route)
    {
        if (unauthorized && !route.IsInteraction)
        {
            throw new DiscordRestException(HttpStatusCode.Unauthorized, 0, "REST calls stopped after a 401: check SmartPick:Discord:Token");
        }

        if (time.GetUtcNow() < blockedUntil || invalidRequests.Tripped)
        {
            throw new DiscordRestException(HttpStatusCode.TooManyRequests, 0, "REST calls paused: too many invalid requests or a Cloudflare block");
        }
    }

    private async Task WaitGlobalAsync(CancellationToken cancellationToken)
    {
        var wait = globalResumeAt - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        var waited = wait > TimeSpan.Zero;
        if (shared is not null)
        {
            // The bucket is named by the bot's user id (the token's first part), never the secret.
            var bucket = "discord:" + (options?.Value.Token.Split('.')[0] ?? string.Empty) + ":global";
            var queued = await shared.ReserveAsync(bucket, GlobalPerSecond, GlobalPerSecond, cancellationToken);
            if (queued > TimeSpan.Zero)
            {
                await Task.Delay(queued, time, cancellationToken);
            }

            waited |= queued > TimeSpan.Zero;
        }
        else
        {
            waited |= await globalLimiter.WaitAsync(cancellationToken);
        }

        if (waited)
        {
            metrics.SendLimitWait();
        }
    }

    private RateLimitBucket BucketFor(DiscordRoute route)
    {
        var key = routeBuckets.TryGetValue(route.Template, out var hash) ? hash : route.Template;
        // ConcurrentDictionary.Count takes every lock: look now and then, not on each request.
        if (Interlocked.Increment(ref requestsSincePruneCheck) % PruneCheckEvery == 0 && buckets.Count >= MaxBuckets)
        {
            PruneIdleBuckets();
        }

        return buckets.GetOrAdd(key + "|" + route.Major, _ => new RateLimitBucket());
    }

    /// <summary>
    /// Every interaction adds buckets of its own (callback, followups); drop those not in use and not limiting, so
    /// the map stays bounded. A bucket dropped while a request still holds it costs at most one extra 429, retried.
    /// </summary>
    private void PruneIdleBuckets()
    {
        var now = time.GetUtcNow();
        foreach (var (key, bucket) in buckets)
        {
            if (bucket.Gate.CurrentCount == 1 && (bucket.Remaining != 0 || bucket.ResetAt <= now))
            {
                buckets.TryRemove(key, out _);
            }
        }
    }

    private const int MaxBuckets = 4096;
    private const int PruneCheckEvery = 256;
    private int requestsSincePruneCheck;

    private void Learn(DiscordRoute route, string hash, RateLimitBucket current)
    {
        if (routeBuckets.TryAdd(route.Template, hash))
        {
            buckets.GetOrAdd(hash + "|" + route.Major, _ => new RateLimitBucket()).CopyFrom(current);
        }
    }

    private static async Task<(TimeSpan? RetryAfter, bool Global)> ReadRetryAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var global = response.Headers.Contains("X-RateLimit-Global");
        double? seconds = null;
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (doc.RootElement.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number)
            {
                seconds = r.GetDouble();
            }

            global |= doc.RootElement.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            // HTML body: Cloudflare.
        }

        var hasHeaders = response.Headers.Contains("X-RateLimit-Limit") || response.Headers.Contains("X-RateLimit-Scope") || global;
        seconds ??= hasHeaders && response.Headers.RetryAfter?.Delta is { } delta ? delta.TotalSeconds : null;
        return (seconds is { } value && hasHeaders ? TimeSpan.FromSeconds(value) : null, global);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord REST 429 on {Route}: retry after {Seconds} s (global: {Global}, scope: {Scope})")]
    private static partial void LogRateLimited(ILogger logger, string route, double seconds, bool global, string? scope);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord REST 429 without rate-limit headers (Cloudflare ban?): pausing REST for {Minutes} min")]
    private static partial void LogCloudflare(ILogger logger, double minutes);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord REST answered 401: the bot token is invalid; stopping REST calls")]
    private static partial void LogUnauthorized(ILogger logger);
}
