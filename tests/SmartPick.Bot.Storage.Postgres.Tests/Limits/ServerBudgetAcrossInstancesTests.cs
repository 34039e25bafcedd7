using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Limits;

/// <summary>
/// The per-server send budget (5/s, burst 10) on several instances on one PostgreSQL: one budget for the server, not
/// one per instance, so k instances cannot post k times as fast into one community server.
/// </summary>
public sealed class ServerBudgetAcrossInstancesTests
{
    private static readonly ServerKey Busy = new("discord", "900000000000000001");
    private static readonly ServerKey Quiet = new("telegram", "-1001");
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    [PostgresFact]
    public async Task TwoInstancesPostingAtOnce_GetTheBurstOnce_ThenOneSendEvery200Milliseconds()
    {
        // Arrange: two instances built as the host builds them (Core + PostgreSQL storage).
        using var storage = TestStorage.Create(TestStorage.Postgres);
        var a = Budget(storage);
        var b = Budget(storage);

        // Act: 40 announcements for one server at one instant, 20 from each instance, all in flight together.
        var waits = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? a : b).ReserveAsync(Busy, None)));
        var quiet = await b.ReserveAsync(Quiet, None);

        // Assert: 10 go now (one burst between them, not one each), the other 30 at 0.2 s, 0.4 s, ... 6.0 s.
        Assert.Equal(10, waits.Count(w => w == TimeSpan.Zero));
        Assert.Equal(
            Enumerable.Range(1, 30).Select(k => Math.Round(k * 0.2, 6)),
            waits.Where(w => w > TimeSpan.Zero).Select(w => Math.Round(w.TotalSeconds, 6)).Order());
        Assert.Equal(TimeSpan.Zero, quiet); // another server's budget is its own
    }

    [PostgresFact]
    public async Task InterleavedSendsFromTwoInstances_NeverExceedBurstPlusRateTimesElapsed_AndMatchOneProcessesBudget()
    {
        // Arrange: the shared budget on two instances, and an in-process budget as the one-instance reference.
        using var storage = TestStorage.Create(TestStorage.Postgres);
        var instances = new[] { Budget(storage), Budget(storage) };
        var reference = new ServerSendBudget(Options.Create(new ServerBudgetOptions()), _clock);
        var random = new Random(14);
        var sendAt = new List<DateTimeOffset>();

        // Act: 150 sends from a randomly chosen instance, 0-149 ms apart (faster than 5/s on average: a queue builds).
        for (var i = 0; i < 150; i++)
        {
            var wait = await instances[random.Next(2)].ReserveAsync(Busy, None);
            Assert.Equal(reference.Reserve(Busy).TotalMilliseconds, wait.TotalMilliseconds, 3);
            sendAt.Add(_clock.GetUtcNow() + wait);
            _clock.Advance(TimeSpan.FromMilliseconds(random.Next(150)));
        }

        // Assert: in every span [s, s + d] of send times at most 10 + 5·d sends (the token-bucket bound).
        sendAt.Sort();
        for (var first = 0; first < sendAt.Count; first++)
        {
            for (var last = first; last < sendAt.Count; last++)
            {
                var span = (sendAt[last] - sendAt[first]).TotalSeconds;
                Assert.True(last - first + 1 <= 10 + (5 * span) + 1e-6, $"{last - first + 1} sends within {span:0.000} s");
            }
        }
    }

    private ServerSendBudget Budget(TestStorage storage) => storage.NewInstance(b =>
    {
        b.AddBotCore();
        b.Services.AddSingleton<TimeProvider>(_clock);
    }).GetRequiredService<ServerSendBudget>();
}
