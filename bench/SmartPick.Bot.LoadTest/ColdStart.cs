using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartPick.Bot.LoadTest.Bot;
using SmartPick.Bot.Telegram.Tests.Fakes;

namespace SmartPick.Bot.LoadTest;

/// <summary>
/// Host cold start in a fresh process (runtime start, JIT, composition, migrations, knowledge index, ranking model,
/// Telegram getMe/setMyCommands) against the local fake: time to commands registered and to the first reply.
/// </summary>
public static class ColdStart
{
    public static async Task RunAsync(int runs, TextWriter log)
    {
        var ready = new List<double>();
        var firstReply = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var dir = Path.Combine(Path.GetTempPath(), "smartpick-coldstart", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            await using (var api = await FakeBotApi.StartAsync())
            {
                api.SendText(42, "/help"); // waiting when the bot starts
                var bot = new ChildProcessBot(BotSettings.Args(Path.Combine(dir, "bot.db"), api.Token, api.BaseUrl, productionLimits: false));
                var started = Stopwatch.GetTimestamp();
                await bot.StartAsync(CancellationToken.None);
                await api.WaitUntilAsync(f => f.CallsOf("setMyCommands").Count > 0, TimeSpan.FromSeconds(60));
                ready.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await api.WaitUntilAsync(f => f.SentTo(42).Count > 0, TimeSpan.FromSeconds(60));
                firstReply.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await bot.KillAsync();
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }

        ready.Sort();
        firstReply.Sort();
        var inv = CultureInfo.InvariantCulture;
        log.WriteLine(string.Format(inv, "cold start over {0} runs: commands registered median {1:F0} ms (min {2:F0}, max {3:F0}); first reply median {4:F0} ms (min {5:F0}, max {6:F0})",
            runs, ready[runs / 2], ready[0], ready[^1], firstReply[runs / 2], firstReply[0], firstReply[^1]));
    }
}
