using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Storage.Postgres;
using SmartPick.Bot.Storage.Postgres.Tests.Support;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;
using SmartPick.Bot.Telegram.Webhook;
using Telegram.Bot;
using Telegram.Bot.Types;
using Xunit.Abstractions;

namespace SmartPick.Bot.Telegram.Tests.Failover;

/// <summary>
/// Webhook mode on two instances behind a round-robin proxy, one PostgreSQL database: every delivery is stored in the
/// inbox before its 200, and either instance's workers handle it. One instance dies mid-batch with turns in hand (an
/// in-process crash: its handlers are cut off and nothing is marked done; a real kill -9 of a host process is exercised
/// by the load harness). The survivor redoes those turns once their claims expire.
/// </summary>
public sealed class WebhookInboxFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "inbox-Secret_1";
    private const int HandledBeforeHanging = 5;
    private static readonly long[] Users = [601, 602, 603, 604];
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly FakeEngine _dyingEngine = new();
    private readonly FakeEngine _survivingEngine = new();
    private readonly List<IHost> _hosts = [];
    private FakeBotApi _api = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _database = PostgresServer.UnavailableReason is null ? PostgresServer.Instance.CreateDatabase() : string.Empty;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        await _api.DisposeAsync();
    }

    [PostgresFact]
    public async Task AnInstanceDyingMidBatch_LosesNothing_NoTurnIsHandledTwice_AndEachChatKeepsItsOrder()
    {
        // Arrange: the first instance answers a few turns, then hangs in every turn it takes (work in hand when it dies).
        var handled = 0;
        _dyingEngine.Respond = async (message, ct) =>
        {
            if (Interlocked.Increment(ref handled) <= HandledBeforeHanging)
            {
                return await FakeEngine.EchoAsync(message, ct);
            }

            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };
        // (The second instance starts once the first holds turns: its workers would otherwise take them too.)
        var dying = await StartAsync(_dyingEngine);
        var updates = Users.SelectMany(u => Enumerable.Range(1, 6).Select(i => (User: u, Text: $"{u} message {i}")))
            .OrderBy(m => m.Text[^1]).Select(m => _api.TextUpdate(m.User, m.Text)).ToList();

        // Act: the first half arrives while the first instance is up; once it has turns in hand the second starts, the
        // proxy alternates between them, and the first dies.
        foreach (var update in updates.Take(12))
        {
            Assert.Equal(200, await DeliverAsync(dying, update));
        }

        await WaitUntilAsync(() => _dyingEngine.Received.Count > HandledBeforeHanging, "the first instance to hold turns");
        var survivor = await StartAsync(_survivingEngine);
        foreach (var (update, i) in updates.Skip(12).Take(4).Select((u, i) => (u, i)))
        {
            Assert.Equal(200, await DeliverAsync(i % 2 == 0 ? dying : survivor, update));
        }

        var died = Stopwatch.StartNew();
        await CrashAsync(dying);
        foreach (var update in updates.Skip(16))
        {
            Assert.Equal(200, await DeliverAsync(survivor, update));
        }

        await _api.WaitUntilAsync(f => Users.All(u => f.SentTo(u).Count >= 6), Generous, "every message answered");
        output.WriteLine($"all answered {died.ElapsedMilliseconds} ms after the crash (claim 2 s); the dead instance held {_dyingEngine.Received.Count - HandledBeforeHanging} turns");
        await Task.Delay(500); // a late duplicate would show up here

        // Assert: each message answered once, in its chat's order; the survivor redid exactly what the dead one left unanswered.
        foreach (var user in Users)
        {
            Assert.Equal(Enumerable.Range(1, 6).Select(i => $"echo: {user} message {i}"), _api.SentTo(user).Select(s => s.Text));
        }

        var answeredByDead = _dyingEngine.Received.Take(HandledBeforeHanging).Select(Text);
        Assert.Equal(
            updates.Select(u => u.Message!.Text!).Order(StringComparer.Ordinal),
            answeredByDead.Concat(_survivingEngine.Received.Select(Text)).Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    public async Task AStoppingInstance_FinishesTheTurnsItHolds_WhileTheOtherTakesOverTheRest_EachOnceInOrder()
    {
        // Arrange: the first instance is in the middle of a slow turn when the deploy stops it.
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _dyingEngine.Respond = async (message, ct) =>
        {
            await finish.Task;
            return await FakeEngine.EchoAsync(message, ct);
        };
        var stopping = await StartAsync(_dyingEngine);
        var updates = Users.SelectMany(u => Enumerable.Range(1, 3).Select(i => (User: u, Text: $"{u} message {i}")))
            .OrderBy(m => m.Text[^1]).Select(m => _api.TextUpdate(m.User, m.Text)).ToList();
        Assert.Equal(200, await DeliverAsync(stopping, updates[0]));
        await WaitUntilAsync(() => !_dyingEngine.Received.IsEmpty, "the first instance to take a turn");
        var other = await StartAsync(_survivingEngine);

        // Act: SIGTERM; deliveries now reach the other instance only; the slow turn ends after the stop began.
        using var shutdownTimeout = new CancellationTokenSource(Generous);
        var stop = stopping.StopAsync(shutdownTimeout.Token);
        foreach (var update in updates.Skip(1))
        {
            Assert.Equal(200, await DeliverAsync(other, update));
        }

        finish.SetResult();
        await stop;
        await _api.WaitUntilAsync(f => Users.All(u => f.SentTo(u).Count >= 3), Generous, "every message answered");
        await Task.Delay(500);

        // Assert: the turn in hand was finished by the stopping instance, not redone; everything else once, in order.
        Assert.Equal(updates[0].Message!.Text, Text(Assert.Single(_dyingEngine.Received)));
        Assert.DoesNotContain(_survivingEngine.Received, m => Text(m) == updates[0].Message!.Text);
        foreach (var user in Users)
        {
            Assert.Equal(Enumerable.Range(1, 3).Select(i => $"echo: {user} message {i}"), _api.SentTo(user).Select(s => s.Text));
        }
    }

    private static string Text(InboundMessage message) => ((TextContent)message.Content).Text;

    private async Task<IHost> StartAsync(FakeEngine engine)
    {
        var settings = TestBot.Settings(_api);
        settings["SmartPick:Storage:ConnectionString"] = _database;
        settings["SmartPick:Telegram:Mode"] = "Webhook";
        settings["SmartPick:Telegram:Webhook:Url"] = "https://bot.example.org/telegram/update";
        settings["SmartPick:Telegram:Webhook:SecretToken"] = Secret;
        settings["SmartPick:Telegram:Webhook:ClaimSeconds"] = "2";
        settings["SmartPick:Http:Urls"] = "http://127.0.0.1:0";
        var builder = TestBot.Builder(settings);
        builder.Services.AddSingleton<SmartPick.Bot.Core.Engine.IConversationEngine>(engine);
        builder.AddPostgresStorage();
        builder.AddTelegramAdapter();
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    /// <summary>The host stops at once: handlers are cancelled mid-turn and nothing in hand is marked done.</summary>
    private async Task CrashAsync(IHost host)
    {
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        await host.StopAsync(now.Token);
        _hosts.Remove(host);
        host.Dispose();
    }

    private static async Task<int> DeliverAsync(IHost host, Update update)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(update, JsonBotAPI.Options)));
        return await host.Services.GetRequiredService<WebhookReceiver>().ReceiveAsync(Secret, body, CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Generous);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token).ContinueWith(t => Assert.False(t.IsCanceled, "timed out waiting for " + what), TaskScheduler.Default);
        }
    }
}
