using Microsoft.Data.Sqlite;
using SmartPick.Bot.LoadTest.Bot;
using SmartPick.Bot.LoadTest.Faults;
using SmartPick.Bot.LoadTest.Report;
using SmartPick.Bot.LoadTest.Users;
using SmartPick.Bot.Telegram.Tests.Fakes;

namespace SmartPick.Bot.LoadTest;

/// <summary>
/// One run: the fake Bot API on 127.0.0.1, the real host against it (through a fault proxy for outages, in a child
/// process for kills), N users each doing a full intake and /rank at once, then the checks in <see cref="LoadResult"/>.
/// </summary>
public static class LoadRun
{
    public const long FirstUserId = 1_000_001;

    public static async Task<LoadResult> RunAsync(LoadOptions options, TextWriter log)
    {
        var dir = Path.Combine(Path.GetTempPath(), "smartpick-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var database = Path.Combine(dir, "bot.db");
        try
        {
            await using var api = await FakeBotApi.StartAsync();
            await using var proxy = options.Fault == FaultKind.Outage ? await FaultProxy.StartAsync(api.BaseUrl) : null;
            var args = BotSettings.Args(database, api.Token, proxy?.BaseUrl ?? api.BaseUrl, options.ProductionLimits);
            var child = options.Fault == FaultKind.Kill ? new ChildProcessBot(args) : null;
            await using IBotUnderTest bot = child ?? (IBotUnderTest)new InProcessBot(args);
            var faults = new FaultLog();

            var startedMs = api.NowMs;
            await bot.StartAsync(CancellationToken.None);
            await api.WaitUntilAsync(f => f.CallsOf("setMyCommands").Count > 0, TimeSpan.FromSeconds(60), "the bot registers its commands");
            log.WriteLine($"bot ready in {api.NowMs - startedMs:F0} ms; {options.Users} users start");

            await using var inboxes = new Inboxes(api);
            inboxes.Start();
            var users = Enumerable.Range(0, options.Users)
                .Select(i => new SimulatedUser(api, inboxes.For(FirstUserId + i), FirstUserId + i, TimeSpan.FromSeconds(options.ReplyTimeoutSeconds)))
                .ToList();
            var runStartMs = api.NowMs;
            var running = users.Select(u => Task.Run(() => u.RunAsync(CancellationToken.None))).ToList();
            var all = Task.WhenAll(running);
            var totalSteps = options.Users * UserScript.Steps.Count;
            var faulting = options.Fault switch
            {
                FaultKind.Outage => OutageAsync(proxy!, users, totalSteps, options, faults, log, all),
                FaultKind.Kill => KillLoopAsync(child!, database, users, totalSteps, options, faults, log, all),
                _ => Task.CompletedTask,
            };

            await faulting;
            await all;
            await Task.Delay(1000); // a duplicate reply would arrive now

            // Handled updates are confirmed by the next getUpdates offset, which may wait out one long poll (5 s).
            await api.WaitUntilAsync(f => f.PendingUpdates == 0, TimeSpan.FromSeconds(15)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var stillUp = bot.IsRunning;
            var pending = api.PendingUpdates;
            await bot.DisposeAsync();
            SqliteConnection.ClearAllPools();
            var integrity = await Database.IntegrityCheckAsync(database);
            var lost = options.Fault == FaultKind.Kill ? await Database.LostAnswersAsync(database, users) : [];
            return LoadResult.Analyze(options, api, users, runStartMs, faults, stillUp, pending, integrity, lost, proxy);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int Done(List<SimulatedUser> users) => users.Sum(u => u.CompletedSteps);

    private static async Task WaitForProgressAsync(List<SimulatedUser> users, int steps, Task all)
    {
        while (Done(users) < steps && !all.IsCompleted)
        {
            await Task.Delay(20);
        }
    }

    private static async Task OutageAsync(FaultProxy proxy, List<SimulatedUser> users, int totalSteps, LoadOptions options, FaultLog faults, TextWriter log, Task all)
    {
        await WaitForProgressAsync(users, totalSteps / 4, all);
        var phase = TimeSpan.FromSeconds(options.OutageSeconds);
        log.WriteLine($"outage: {phase.TotalSeconds:F1} s of 500s, then {phase.TotalSeconds:F1} s of hanging requests");
        proxy.Mode = ProxyMode.ServerError;
        await Task.Delay(phase);
        proxy.Mode = ProxyMode.Hang;
        await Task.Delay(phase);
        proxy.Mode = ProxyMode.Forward;
        faults.OutageSeconds = 2 * phase.TotalSeconds;
        log.WriteLine($"outage over: {proxy.RequestsIn(ProxyMode.ServerError)} requests got 500, {proxy.RequestsIn(ProxyMode.Hang)} hung");
    }

    private static async Task KillLoopAsync(ChildProcessBot bot, string database, List<SimulatedUser> users, int totalSteps, LoadOptions options, FaultLog faults, TextWriter log, Task all)
    {
        var rng = new Random(7);
        for (var k = 0; k < options.Kills && !all.IsCompleted; k++)
        {
            // Kill at a spread of points in the run, with users in the middle of their turns.
            await WaitForProgressAsync(users, (int)(totalSteps * (k + 1) / (options.Kills + 1.5)), all);
            await Task.Delay(rng.Next(0, 300));
            await bot.KillAsync();
            SqliteConnection.ClearAllPools();
            var integrity = await Database.IntegrityCheckAsync(database);
            faults.Kills++;
            faults.IntegrityChecks.Add(integrity);
            log.WriteLine($"kill {k + 1}: SIGKILL at {Done(users)}/{totalSteps} steps; integrity_check: {integrity}");
            await bot.StartAsync(CancellationToken.None);
        }
    }
}

/// <summary>What the fault driver did.</summary>
public sealed class FaultLog
{
    public int Kills { get; set; }

    public List<string> IntegrityChecks { get; } = [];

    public double OutageSeconds { get; set; }
}
