using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Commands;
using SmartPick.Bot.Core.Privacy;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.Timeline;

namespace SmartPick.Bot.Core.List;

/// <summary>
/// Registers /list, /compare, /timeline, /remind and /privacy and the jobs behind them. Their stores
/// (<see cref="IApplicantListStore"/>, <see cref="IReminderStore"/>, <see cref="INotificationLedger"/>,
/// <see cref="IInactivityStore"/>) come from the storage project; <see cref="IDirectMessenger"/>s from the adapters.
/// </summary>
public static class ApplicantToolsExtensions
{
    public static IServiceCollection AddApplicantTools(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.DefaultTimeZone, out _), "SmartPick:Reminders:DefaultTimeZone is not a known time zone (e.g. America/Los_Angeles).")
            .ValidateOnStart();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => CycleTimeline.Load(Path.Combine(sp.GetRequiredService<IOptions<RankingOptions>>().Value.ResolveKnowledgePath(), "timeline", "cycles.csv")));
        services.AddSingleton<ProgramDirectory>();
        services.AddSingleton<ListCommands>();
        services.AddSingleton<CompareCommand>();
        services.AddSingleton<TimelineCommand>();
        services.AddSingleton<RemindCommands>();
        services.AddSingleton<PrivacyCommand>();
        services.AddSingleton<ApplicantCommands>();
        services.AddSingleton<NoticeSender>();
        services.AddSingleton<ReminderRunner>();
        services.AddSingleton<InactivityCleanup>();
        return services;
    }

    /// <summary>The reminder scheduler and the inactivity clean-up; the host adds them when platform adapters run.</summary>
    public static IHostApplicationBuilder AddApplicantJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<ReminderService>();
        builder.Services.AddHostedService<InactivityService>();
        builder.Services.AddHostedService<Servers.Announcements.AnnouncementService>(); // posts only where an adapter registered an IServerMessenger
        builder.Services.AddHostedService<Servers.Feedback.VoterHashCleanup>();
        return builder;
    }
}
