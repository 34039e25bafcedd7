using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Discord.Telemetry;
using SmartPick.Bot.Http.Health;
using SmartPick.Bot.Http.Telemetry;
using SmartPick.Bot.Telegram.Telemetry;

namespace SmartPick.Bot.Http;

/// <summary>Operability for <c>run</c>: metrics, readiness checks and, when <c>SmartPick:Http:Urls</c> is set, the HTTP front door.</summary>
public static class FrontDoorExtensions
{
    /// <summary>
    /// Call after the engine, knowledge and storage registrations (the engine and guide are decorated with meters).
    /// Metrics go to <c>/metrics</c> (Prometheus text) when the front door is on, and to OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard OTEL_* variables configure it).
    /// </summary>
    public static IHostApplicationBuilder AddHttpFrontDoor(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var http = HttpOptions.IsEnabled(builder.Configuration);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        services.AddOptions<HttpOptions>().Bind(builder.Configuration.GetSection(HttpOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        services.Decorate<IConversationEngine>((inner, sp) => new MeteredConversationEngine(inner, sp.GetRequiredService<BotMetrics>(), sp.GetRequiredService<TimeProvider>()));
        services.Decorate<IGuideAnswerer>((inner, sp) => new MeteredGuideAnswerer(inner, sp.GetRequiredService<BotMetrics>()));
        services.AddHealthChecks().AddCheck<StorageReadiness>("storage", tags: [ReadinessResponse.Tag]);
        services.TryAddSingleton<AdapterFailure>();
        services.AddHostedService<BackgroundServiceWatch>();

        if (http || otlp)
        {
            services.AddOpenTelemetry().ConfigureResource(r => r.AddService("smartpick-bot")).WithMetrics(metrics =>
            {
                metrics.AddMeter(BotMetrics.MeterName, DiscordMetrics.MeterName, TelegramMetrics.MeterName);
                if (http)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        }

        if (http)
        {
            services.AddSingleton<HttpFrontDoor>();
            services.AddHostedService(sp => sp.GetRequiredService<HttpFrontDoor>());
        }

        return builder;
    }
}
