using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartPick.Bot.Http.Health;

/// <summary>
/// <c>/readyz</c>: every check tagged "ready" (storage, each enabled adapter). 200 when all pass, otherwise 503; the
/// JSON body names each check with its status and reason either way.
/// </summary>
public static class ReadinessResponse
{
    public const string Tag = "ready";

    public static async Task WriteAsync(HttpContext context, HealthCheckService health)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(health);
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(Tag), context.RequestAborted);
        var ready = report.Status == HealthStatus.Healthy;
        context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(new
        {
            ready,
            checks = report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new
            {
                name = e.Key,
                ready = e.Value.Status == HealthStatus.Healthy,
                reason = e.Value.Description,
            }),
        }, JsonOptions, context.RequestAborted);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
