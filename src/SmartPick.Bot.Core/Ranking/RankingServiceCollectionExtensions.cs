using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartPick.Ranking;

namespace SmartPick.Bot.Core.Ranking;

public static class RankingServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="RankingOptions"/>, loads the ranking model once (at host start, failing fast on a
    /// malformed catalog) and registers <see cref="RankingAdvisor"/> as the <see cref="IRankingAdvisor"/>.
    /// </summary>
    public static IServiceCollection AddRankingAdvisor(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RankingOptions>()
            .BindConfiguration(RankingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.PossibleAtLeast < o.HigherChanceAtLeast, "SmartPick:Ranking: PossibleAtLeast must be below HigherChanceAtLeast")
            .Validate(o => o.Signals.Values.All(s => s.Gold >= 0 && s.Silver >= 0 && s.Standard >= 0), "SmartPick:Ranking: signal counts must not be negative")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<RankingOptions>>().Value;
            return RankingModelLoader.Load(o.ResolveKnowledgePath(), o.OverrideFile, o.Coefficients, o.ToSettings());
        });
        services.TryAddSingleton(sp => new RankingEngine(sp.GetRequiredService<RankingModel>()));
        services.TryAddSingleton(sp => ModelDocument.Load(sp.GetRequiredService<IOptions<RankingOptions>>().Value.ResolveKnowledgePath()));
        services.TryAddSingleton<IRankingCharts, NoRankingCharts>();
        services.RemoveAll<IRankingAdvisor>();
        services.AddSingleton<IRankingAdvisor, RankingAdvisor>();
        services.AddHostedService<RankingModelWarmup>();
        return services;
    }
}
