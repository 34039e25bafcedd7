using Microsoft.Data.Sqlite;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.LoadTest.Bot;
using SmartPick.Bot.LoadTest.Faults;

namespace SmartPick.Bot.LoadTest.Discord;

/// <summary>
/// One Discord run: the fake Discord (gateway + REST) on 127.0.0.1, the real host composition against it, N users
/// each doing the intake (in the server channel or in a DM, <see cref="DiscordScript"/>) and /rank at once, optionally gateway faults, then the checks in
/// <see cref="DiscordLoadResult"/>.
/// </summary>
public static class DiscordLoadRun
{
    public static async Task<DiscordLoadResult> RunAsync(DiscordLoadOptions options, TextWriter log)
    {
        var dir = Path.Combine(Path.GetTempPath(), "smartpick-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var database = Path.Combine(dir, "bot.db");
        try
        {
            await using var fake = await FakeDiscordServer.StartAsync(TimeProvider.System);
            fake.Gateway.HoldDispatchesUntilReady = true;
            fake.ValidateOneIn = options.ValidateOneIn;
            var inboxes = new DiscordInboxes(fake);
            await using var bot = new InProcessBot(DiscordSettings.Args(database, fake));
            var faults = new GatewayFaultLog();

            var startedMs = DiscordInboxes.NowMs;
            await bot.StartAsync(CancellationToken.None);
            await WaitUntilAsync(() => fake.RequestsTo("/commands").Any(), TimeSpan.FromSeconds(60), "the bot registers its commands");
            log.WriteLine($"bot ready in {DiscordInboxes.NowMs - startedMs:F0} ms; {options.Users} users start");

            var users = Enumerable.Range(0, options.Users)
                .Select(i => new DiscordUser(fake, inboxes, i, TimeSpan.FromSeconds(options.ReplyTimeoutSeconds), TimeSpan.FromSeconds(options.ThinkSeconds)))
                .ToList();
            var runStartMs = DiscordInboxes.NowMs;
            var all = Task.WhenAll(users.Select(u => Task.Run(() => u.RunAsync(CancellationToken.None))));
            var totalSteps = users.Sum(u => u.Script.Count);
            if (options.GatewayFaults)
            {
                await GatewayFaults.RunAsync(fake, () => users.Sum(u => u.CompletedSteps), totalSteps, options.Rounds, faults, log, all);
            }

            await all;
            await Task.Delay(1000); // a duplicate reply would arrive now
            var stillUp = bot.IsRunning;
            await bot.DisposeAsync();
            SqliteConnection.ClearAllPools();
            var integrity = await Database.IntegrityCheckAsync(database);
            return DiscordLoadResult.Analyze(options, fake, inboxes, users, runStartMs, faults, stillUp, integrity);
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

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"timed out waiting until {what}");
            }

            await Task.Delay(10);
        }
    }
}
