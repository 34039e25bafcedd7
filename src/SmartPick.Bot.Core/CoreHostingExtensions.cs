using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Commands;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Ranking;

namespace SmartPick.Bot.Core;

/// <summary>Registers the conversation engine and its commands.</summary>
public static class CoreHostingExtensions
{
    public static IHostApplicationBuilder AddBotCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Adapters.AdapterFailure>();
        services.AddOptions<EngineOptions>()
            .Bind(builder.Configuration.GetSection(EngineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<GroupRateLimiter>();
        services.AddSingleton<IntakeDialogue>();
        services.AddSingleton<ProfileCommands>();
        services.AddSingleton<AdviceCommands>();
        services.AddApplicantTools();
        services.AddSingleton<ReportCommand>();
        services.TryAddSingleton<Servers.IGuideTopics, Servers.NoGuideTopics>();
        services.AddSingleton<Servers.FaqCommand>();
        services.AddSingleton<Servers.SettingsCommand>();
        services.AddSingleton<Servers.Feedback.VoteCommand>();
        services.AddSingleton<Servers.Feedback.ShareQuestionCommand>();
        services.AddOptions<Servers.Announcements.AnnouncementOptions>()
            .Bind(builder.Configuration.GetSection(Servers.Announcements.AnnouncementOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Servers.Announcements.AnnouncementRunner>();
        services.AddOptions<Servers.ServerBudgetOptions>()
            .Bind(builder.Configuration.GetSection(Servers.ServerBudgetOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Servers.ServerSendBudget>();
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<IConversationEngine, ConversationEngine>();
        services.AddRankingAdvisor();
        services.TryAddSingleton<IGuideAnswerer, UnavailableGuideAnswerer>();
        return builder;
    }
}
