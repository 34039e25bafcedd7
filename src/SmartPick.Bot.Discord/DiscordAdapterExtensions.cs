using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Discord.Hosting;
using SmartPick.Bot.Discord.HttpInteractions;
using SmartPick.Bot.Discord.Interactions;
using SmartPick.Bot.Discord.Rest;
using SmartPick.Bot.Discord.Telemetry;

namespace SmartPick.Bot.Discord;

/// <summary>Registers the Discord adapter.</summary>
public static class DiscordAdapterExtensions
{
    /// <summary>Health-check tag of the checks that make up readiness (<c>/readyz</c>).</summary>
    public const string ReadinessTag = "ready";

    private const string UserAgent = "DiscordBot (https://github.com/smartpick/smartpick-bot, 1.0)";

    /// <summary>
    /// Adds the Discord adapter when <c>SmartPick:Discord:Token</c> is set (otherwise does nothing, so the host can
    /// fall back to the console chat). Needs an <see cref="Core.Engine.IConversationEngine"/> registration.
    /// </summary>
    public static IHostApplicationBuilder AddDiscordAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{DiscordOptions.SectionName}:Token"]))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<DiscordOptions>()
            .Bind(builder.Configuration.GetSection(DiscordOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.ShardId < o.ShardCount, "SmartPick:Discord:ShardId must be less than SmartPick:Discord:ShardCount.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdapterFailure>();
        services.TryAddSingleton<AdapterSupervisor>();
        services.AddMetrics();
        services.TryAddSingleton<DiscordMetrics>();
        services.AddHealthChecks().AddCheck<DiscordReadiness>("discord", tags: [ReadinessTag]);
        services.TryAddSingleton<IJitterSource, RandomJitterSource>();
        services.TryAddSingleton<IGatewayTransportFactory, WebSocketGatewayTransportFactory>();
        services.AddTransient<RateLimitHandler>();
        services.AddHttpClient<DiscordRestClient>((sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
                http.BaseAddress = new Uri(o.ApiBaseUrl.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", o.Token);
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                // Per-attempt limits live in RateLimitHandler, so time spent queued for rate-limit capacity is not
                // counted against a request.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<RateLimitHandler>()

            // The default HttpClient logs print request URLs, which carry interaction tokens.
            .RemoveAllLoggers()

            // One limiter state for the process: keep the handler chain alive instead of rotating it.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<IGatewayBotSource, RestGatewayBotSource>();
        services.AddSingleton<DiscordStateStore>();
        services.AddSingleton<ShardLease>();
        services.AddSingleton<IdentifyGate>();
        services.AddSingleton<DiscordGatewayClient>();
        services.AddSingleton<FormCache>();
        services.AddScoped<SpecialtyAutocomplete>();
        services.AddScoped<DirectConversation>();
        services.AddSingleton<InteractionsInFlight>();
        services.AddScoped<InteractionHandler>();
        services.AddScoped<CommandRegistrar>();
        services.AddScoped<Servers.GuildRemoval>();
        services.AddSingleton<Servers.GuildVisibility>();
        services.AddScoped<DispatchRouter>();
        services.AddHostedService<DiscordGatewayService>();
        services.AddSingleton(sp => new InteractionSignature(
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey
                ?? throw new InvalidOperationException("Set SmartPick:Discord:PublicKey to use the HTTP interactions endpoint."),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DiscordInteractionEndpoint>();
        services.AddSingleton<IChatAdapter, DiscordChatAdapter>();
        services.AddSingleton<IDirectMessenger, DiscordDirectMessenger>();
        services.AddSingleton<Core.Servers.Announcements.IServerMessenger, Servers.DiscordServerMessenger>();
        return builder;
    }
}

/// <summary>Marks the Discord adapter as enabled so the host does not start the console chat.</summary>
public sealed class DiscordChatAdapter : IChatAdapter
{
    public string Platform => "discord";
}
