using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace SmartPick.Bot.Tests.Http;

/// <summary>The OpenTelemetry pipeline exists when something reads it: /metrics (front door) or OTLP.</summary>
public sealed class TelemetryWiringTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("http://127.0.0.1:0", null, true)]
    [InlineData(null, "http://127.0.0.1:4317", true)]
    public void MeterProvider_IsRegisteredOnlyWhenScrapedOrPushed(string? httpUrls, string? otlpEndpoint, bool expected)
    {
        var args = new List<string> { "--SmartPick:Storage:ConnectionString=Data Source=:memory:" };
        if (httpUrls is not null)
        {
            args.Add("--SmartPick:Http:Urls=" + httpUrls);
        }

        if (otlpEndpoint is not null)
        {
            args.Add("--OTEL_EXPORTER_OTLP_ENDPOINT=" + otlpEndpoint);
        }

        using var host = BotHost.CreateBuilder([.. args], withAdapters: true).Build();

        Assert.Equal(expected, host.Services.GetService<MeterProvider>() is not null);
    }
}
