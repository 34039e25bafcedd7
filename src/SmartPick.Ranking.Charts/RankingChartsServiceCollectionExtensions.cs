using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartPick.Bot.Core.Ranking;

namespace SmartPick.Ranking.Charts;

public static class RankingChartsServiceCollectionExtensions
{
    /// <summary>Replaces the no-op chart port with ScottPlot PNG charts.</summary>
    public static IServiceCollection AddRankingCharts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IRankingCharts>();
        services.AddSingleton<IRankingCharts, ScottPlotRankingCharts>();
        return services;
    }
}
