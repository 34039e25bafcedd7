using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Knowledge.Ai;
using SmartPick.Bot.Knowledge.Answering;
using SmartPick.Bot.Knowledge.Retrieval;
using SmartPick.Bot.Knowledge.Retrieval.Embeddings;

namespace SmartPick.Bot.Knowledge;

/// <summary>Registers the guide index and answerer (retrieval only unless <c>SmartPick:Ai:Provider</c> is set).</summary>
public static class KnowledgeHostingExtensions
{
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<KnowledgeOptions>()
            .Bind(builder.Configuration.GetSection(KnowledgeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<AiOptions>()
            .Bind(builder.Configuration.GetSection(AiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiOptions>, AiOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // Registered always, loaded only if SmartPick:Knowledge:Embeddings is on (the index provider asks for it then).
        services.TryAddSingleton<ITextEmbedder, MiniLmEmbedder>();
        services.AddSingleton<GuideIndexProvider>();
        services.AddSingleton<GuideRetriever>();
        // The timeline the rest of the bot uses (/timeline, reminders) when the host registered one; else read it here.
        services.AddSingleton(sp => new TimelineAnswer(
            sp.GetService<CycleTimeline>() ?? LoadTimeline(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RetrievalGuideAnswerer>();
        services.AddSingleton<GuideChat>();
        services.AddSingleton<SemanticGuideAnswerer>();
        services.RemoveAll<IGuideAnswerer>();
        services.AddSingleton<IGuideAnswerer>(sp => sp.GetRequiredService<IOptions<AiOptions>>().Value.Enabled
            ? sp.GetRequiredService<SemanticGuideAnswerer>()
            : sp.GetRequiredService<RetrievalGuideAnswerer>());
        services.RemoveAll<Core.Servers.IGuideTopics>();
        services.AddSingleton<Core.Servers.IGuideTopics, GuideTopics>();
        services.AddHostedService<GuideIndexWarmup>();
        return builder;
    }

    /// <summary>The dated timeline (<c>timeline/cycles.csv</c> under the knowledge folder); null when the file is absent.</summary>
    public static CycleTimeline? LoadTimeline(KnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.Combine(options.ResolveGuidePath(), "timeline", "cycles.csv");
        return File.Exists(path) ? CycleTimeline.Load(path) : null;
    }
}
