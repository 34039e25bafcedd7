using System.Globalization;
using BenchmarkDotNet.Running;
using SmartPick.Bot.Benchmarks;
using SmartPick.Bot.Benchmarks.Bot;

static int Count(string[] rest, int fallback) => rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : fallback;

switch (args)
{
    case ["--sample", ..]:
        Sample.Print();
        return;
    case ["--latency", .. var rest]:
        await TurnLatency.RunAsync(Count(rest, 20_000));
        return;
    case ["--memory", .. var rest]:
        await MemoryProbe.RunAsync(Count(rest, 10_000));
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(RankingBenchmarks).Assembly).Run(args);
        return;
}
