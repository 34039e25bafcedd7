using System.Diagnostics;
using System.Globalization;

namespace SmartPick.Bot.Benchmarks.Bot;

/// <summary>
/// Resident memory of the bot's composition after storing N complete profiles through the engine
/// (dotnet run -c Release -- --memory [profiles]). Working set is measured after a full GC.
/// </summary>
public static class MemoryProbe
{
    public static async Task RunAsync(int profiles)
    {
        using var bot = await BotFixture.StartAsync();
        await Seed.ProfilesAsync(bot.Engine, 10); // JIT and caches warm
        var before = Snapshot();
        var started = Stopwatch.GetTimestamp();
        await Seed.ProfilesAsync(bot.Engine, profiles, firstUser: 10);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var after = Snapshot();
        var dbBytes = new FileInfo(bot.DatabasePath).Length + (File.Exists(bot.DatabasePath + "-wal") ? new FileInfo(bot.DatabasePath + "-wal").Length : 0);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(inv, "stored {0:N0} profiles ({1:N0} engine turns) in {2:F1} s", profiles, profiles * 7, seconds));
        Console.WriteLine(string.Format(inv, "working set: {0:F1} MB before, {1:F1} MB after (+{2:F1} MB); managed heap {3:F1} MB -> {4:F1} MB; database {5:F1} MB",
            before.WorkingSetMb, after.WorkingSetMb, after.WorkingSetMb - before.WorkingSetMb, before.HeapMb, after.HeapMb, dbBytes / 1048576.0));
    }

    private static (double WorkingSetMb, double HeapMb) Snapshot()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (process.WorkingSet64 / 1048576.0, GC.GetTotalMemory(forceFullCollection: false) / 1048576.0);
    }
}
