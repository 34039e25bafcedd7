using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SmartPick.Bot.LoadTest.Bot;
using SmartPick.Bot.LoadTest.Faults;
using SmartPick.Bot.LoadTest.Report;
using SmartPick.Bot.LoadTest.Users;
using SmartPick.Bot.Storage;
using SmartPick.Bot.Storage.Postgres;
using SmartPick.Bot.Storage.Postgres.Tests.Support;
using SmartPick.Bot.Telegram.Tests.Fakes;

namespace SmartPick.Bot.LoadTest.Multi;

/// <summary>
/// N real hosts (child processes) on one throwaway PostgreSQL database, Telegram in webhook mode: the fake Bot API
/// delivers each update as Telegram does (one at a time, until a 2xx) through a round-robin proxy to the instances'
/// front doors. A kill run SIGKILLs one instance mid-run and does not restart it: the others must redo what it held
/// once its claims expire, so no message is lost or answered twice and every chat keeps its order. Without PostgreSQL
/// (<c>--storage sqlite --webhook</c>) the same run on one instance and a SQLite file is the baseline to compare with.
/// </summary>
public static class MultiInstanceRun
{
    private const string Secret = "load-Webhook_Secret1";

    public static async Task<LoadResult> RunAsync(LoadOptions options, TextWriter log)
    {
        if (options.Postgres && PostgresServer.UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var sqliteDir = options.Postgres ? null : Directory.CreateTempSubdirectory("smartpick-load-").FullName;
        var connection = sqliteDir is null ? PostgresServer.Instance.CreateDatabase() : $"Data Source={Path.Combine(sqliteDir, "bot.db")}";
        await using var api = await FakeBotApi.StartAsync();
        var ports = FreePorts(options.Instances);
        var bots = ports.Select(p => new ChildProcessBot(Args(connection, api, p, options))).ToList();
        var faults = new FaultLog();
        try
        {
            var startedMs = api.NowMs;
            foreach (var bot in bots)
            {
                await bot.StartAsync(CancellationToken.None);
            }

            await api.WaitUntilAsync(f => f.WebhookUrl is not null && f.CallsOf("setMyCommands").Count > 0, TimeSpan.FromSeconds(90), "an instance registers the webhook");
            await Task.WhenAll(ports.Select(WaitHealthyAsync));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{options.Instances} instances on {(options.Postgres ? "PostgreSQL" : "SQLite")} ready in {api.NowMs - startedMs:F0} ms; {options.Users} users start"));

            using var proxy = new RoundRobinProxy([.. ports.Select(p => new Uri($"http://127.0.0.1:{p}/telegram/webhook"))], Secret);
            using var stopPushing = new CancellationTokenSource();
            var pushing = api.PushWebhookAsync(proxy.DeliverAsync, stopPushing.Token);
            await using var inboxes = new Inboxes(api);
            inboxes.Start();
            var users = Enumerable.Range(0, options.Users)
                .Select(i => new SimulatedUser(api, inboxes.For(LoadRun.FirstUserId + i), LoadRun.FirstUserId + i, TimeSpan.FromSeconds(options.ReplyTimeoutSeconds)))
                .ToList();
            var runStartMs = api.NowMs;
            var all = Task.WhenAll(users.Select(u => Task.Run(() => u.RunAsync(CancellationToken.None))));
            var kill = options.Fault == FaultKind.Kill ? KillOneAsync(bots[0], users, api, faults, log, all) : Task.FromResult<Kill?>(null);
            var killed = await kill;
            await all;
            await Task.Delay(1000); // a duplicate reply would arrive now
            await api.WaitUntilAsync(f => f.PendingUpdates == 0, TimeSpan.FromSeconds(15)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var stillUp = bots.Where(b => killed is null || b != bots[0]).All(b => b.IsRunning);
            var pending = api.PendingUpdates;
            await stopPushing.CancelAsync();
            await pushing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var lost = await Database.LostAnswersAsync(b =>
            {
                b.Configuration["SmartPick:Storage:ConnectionString"] = connection;
                _ = options.Postgres ? b.AddPostgresStorage() : b.AddSqliteStorage();
            }, users);
            var result = LoadResult.Analyze(options, api, users, runStartMs, faults, stillUp, pending, "ok", lost, null);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"webhook deliveries {proxy.Delivered}, refused or failed attempts skipped to another instance {proxy.Skipped}"));
            if (killed is not null)
            {
                log.WriteLine(killed.Describe(users));
            }

            return result;
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }

            if (sqliteDir is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(sqliteDir, recursive: true);
            }
        }
    }

    private static async Task<Kill?> KillOneAsync(ChildProcessBot bot, List<SimulatedUser> users, FakeBotApi api, FaultLog faults, TextWriter log, Task all)
    {
        var total = users.Count * UserScript.Steps.Count;
        while (users.Sum(u => u.CompletedSteps) < total * 2 / 5 && !all.IsCompleted)
        {
            await Task.Delay(20);
        }

        var atMs = api.NowMs;
        var done = users.Sum(u => u.CompletedSteps);
        await bot.KillAsync();
        faults.Kills++;
        log.WriteLine($"SIGKILL of instance 1 at {done}/{total} steps; it is not restarted");
        return new Kill(atMs);
    }

    private sealed record Kill(double AtMs)
    {
        /// <summary>
        /// Recovery: every answer that arrived after the kill, timed from the kill or from its message, whichever came later.
        /// The longest is the worst wait the kill caused (a chat whose oldest open update the killed instance held waits
        /// for the claim to expire).
        /// </summary>
        public string Describe(List<SimulatedUser> users)
        {
            var waits = users.SelectMany(u => u.AnsweredAtMs.Select((at, i) => (At: at, Sent: u.Sent[i].SentAtMs)))
                .Where(a => a.At >= AtMs).Select(a => a.At - Math.Max(a.Sent, AtMs)).Order().ToList();
            return waits.Count == 0
                ? "recovery: nothing was answered after the kill"
                : string.Create(CultureInfo.InvariantCulture, $"recovery after the kill: {waits.Count} answers; wait from the kill (or the later message) p50 {waits[waits.Count / 2]:F0} ms, p99 {waits[(int)(waits.Count * 0.99)]:F0} ms, max {waits[^1]:F0} ms");
        }
    }

    private static string[] Args(string connection, FakeBotApi api, int port, LoadOptions options) =>
    [
        .. BotSettings.Args("unused.db", api.Token, api.BaseUrl, options.ProductionLimits).Where(a => !a.StartsWith("--SmartPick:Storage:", StringComparison.Ordinal)),
        options.Postgres ? "--SmartPick:Storage:Provider=Postgres" : "--SmartPick:Storage:Provider=Sqlite",
        $"--SmartPick:Storage:ConnectionString={connection}",
        "--SmartPick:Telegram:Mode=Webhook",
        "--SmartPick:Telegram:Webhook:Url=https://bot.example.org/telegram/webhook",
        $"--SmartPick:Telegram:Webhook:SecretToken={Secret}",
        string.Create(CultureInfo.InvariantCulture, $"--SmartPick:Telegram:Webhook:ClaimSeconds={options.ClaimSeconds}"),
        string.Create(CultureInfo.InvariantCulture, $"--SmartPick:Http:Urls=http://127.0.0.1:{port}"),
    ];

    internal static List<int> FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    internal static async Task WaitHealthyAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
