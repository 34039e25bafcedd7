using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace SmartPick.Bot.Benchmarks.Bot;

/// <summary>Adds P95 and max of the iteration means (BenchmarkDotNet has no per-invocation percentiles).</summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
}
