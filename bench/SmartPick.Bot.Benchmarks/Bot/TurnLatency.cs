using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Guide;

namespace SmartPick.Bot.Benchmarks.Bot;

/// <summary>
/// Per-call latency distributions (dotnet run -c Release -- --latency [turns]): every call timed on its own, so
/// p99 is the 99th percentile of single turns, which BenchmarkDotNet's iteration statistics cannot give.
/// </summary>
public static class TurnLatency
{
    public static async Task RunAsync(int turns)
    {
        using var bot = await BotFixture.StartAsync();
        var engine = bot.Engine;
        const int users = 1_000;
        await Seed.ProfilesAsync(engine, users);
        var answerer = bot.Host.Services.GetRequiredService<IGuideAnswerer>();

        // Warm up, then measure.
        await MeasureAsync(2_000, i => engine.HandleAsync(BotFixture.Command(i % users, "profile", "set step2ck " + (220 + (i % 40))), CancellationToken.None));
        Print("engine turn /profile set (SQLite write)", await MeasureAsync(turns, i => engine.HandleAsync(BotFixture.Command(i % users, "profile", "set step2ck " + (220 + (i % 40))), CancellationToken.None)));
        Print("engine turn intake answer (SQLite write)", await MeasureAsync(turns, i => engine.HandleAsync(BotFixture.Text(users + i, "Internal Medicine"), CancellationToken.None), i => engine.HandleAsync(BotFixture.Command(users + i, "profile", string.Empty), CancellationToken.None)));
        Print("engine turn /rank (read only)", await MeasureAsync(Math.Max(200, turns / 10), i => engine.HandleAsync(BotFixture.Command(i % users, "rank", string.Empty), CancellationToken.None)));
        var questions = KnowledgeBenchmarks.Questions;
        Print("guide answer (BM25, no LLM)", await MeasureAsync(Math.Max(200, turns / 10), i => answerer.AnswerAsync(questions[i % questions.Length], null, CancellationToken.None)));
    }

    /// <param name="setup">Untimed work before each turn (e.g. /profile to open the intake the timed turn answers).</param>
    private static async Task<double[]> MeasureAsync(int count, Func<int, Task> turn, Func<int, Task>? setup = null)
    {
        var ms = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (setup is not null)
            {
                await setup(i);
            }

            var started = Stopwatch.GetTimestamp();
            await turn(i);
            ms[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(ms);
        return ms;
    }

    private static void Print(string name, double[] sorted)
    {
        double P(double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-42} n={sorted.Length,6}  p50 {P(0.50),7:F3} ms  p90 {P(0.90),7:F3} ms  p99 {P(0.99),7:F3} ms  p99.9 {P(0.999),7:F3} ms  max {sorted[^1],8:F3} ms"));
    }
}
