using BenchmarkDotNet.Running;
using SmartPick.Bot.Benchmarks;

if (args is ["--sample", ..])
{
    Sample.Print();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RankingBenchmarks).Assembly).Run(args);
