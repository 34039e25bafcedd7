using System.Globalization;
using System.Net.Http.Headers;

namespace SmartPick.Bot.Discord.Rest;

/// <summary>One rate-limit bucket (per bucket hash and major parameter). Requests in a bucket run one at a time.</summary>
public sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public int? Remaining { get; private set; }

    /// <summary>Time (from <see cref="TimeProvider.GetUtcNow"/>) when the bucket refills or a 429 wait ends.</summary>
    public DateTimeOffset ResetAt { get; private set; }

    public async Task WaitForCapacityAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var wait = ResetAt - time.GetUtcNow();
        if (Remaining is 0 && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
            Remaining = null;
        }
    }

    /// <summary>Reads X-RateLimit-Remaining and -Reset-After; returns the bucket hash when present.</summary>
    public string? Update(HttpResponseHeaders headers, TimeProvider time)
    {
        if (Read(headers, "X-RateLimit-Remaining") is { } remaining)
        {
            Remaining = (int)remaining;
        }

        if (Read(headers, "X-RateLimit-Reset-After") is { } resetAfter)
        {
            ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter);
        }

        return headers.TryGetValues("X-RateLimit-Bucket", out var values) ? values.FirstOrDefault() : null;
    }

    public void BlockFor(TimeSpan wait, TimeProvider time)
    {
        Remaining = 0;
        ResetAt = time.GetUtcNow() + wait;
    }

    public void CopyFrom(RateLimitBucket other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Remaining = other.Remaining;
        ResetAt = other.ResetAt;
    }

    internal static double? Read(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
