using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Core.Servers;

/// <summary>
/// A send budget per community server (a token bucket, as GCRA: <see cref="ServerBudgetOptions.PerSecond"/> refill,
/// <see cref="ServerBudgetOptions.Burst"/> at once), so one busy server's sends queue behind each other instead of
/// taking the platform's whole global limit from the rest. Never refuses: a reservation returns how long to wait.
/// With several instances (<paramref name="shared"/> registered: PostgreSQL) the bucket <c>server:&lt;platform&gt;:&lt;id&gt;</c>
/// lives in the database, so k instances together keep one server within its budget; otherwise it is kept in process.
/// Callers reserve the bot-wide limit after this one.
/// </summary>
public sealed class ServerSendBudget(IOptions<ServerBudgetOptions> options, TimeProvider clock, ISendBudget? shared = null)
{
    private const int PruneThreshold = 10_000;
    private readonly Dictionary<ServerKey, DateTimeOffset> _next = [];

    /// <summary>The shared bucket of <paramref name="server"/>.</summary>
    public static string Bucket(ServerKey server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return $"server:{server.Platform}:{server.ServerId}";
    }

    /// <summary>Takes one send for <paramref name="server"/> (from the shared bucket when there is one); zero when its bucket had a token, else the wait for the next one.</summary>
    public async Task<TimeSpan> ReserveAsync(ServerKey server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var o = options.Value;
        if (shared is null || o.PerSecond <= 0)
        {
            return Reserve(server);
        }

        return await shared.ReserveAsync(Bucket(server), o.PerSecond, o.Burst, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes one send for <paramref name="server"/> from this process's bucket; zero when it had a token, else the wait for the next one.</summary>
    public TimeSpan Reserve(ServerKey server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var o = options.Value;
        if (o.PerSecond <= 0)
        {
            return TimeSpan.Zero;
        }

        var interval = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / o.PerSecond));
        var now = clock.GetUtcNow();
        lock (_next)
        {
            // _next is the bucket's "theoretical arrival time": empty bucket = now + Burst intervals.
            var tat = _next.TryGetValue(server, out var t) && t > now ? t : now;
            var allowedAt = tat - (interval * (o.Burst - 1));
            _next[server] = tat + interval;
            if (_next.Count > PruneThreshold)
            {
                foreach (var idle in _next.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList())
                {
                    _next.Remove(idle);
                }
            }

            return allowedAt > now ? allowedAt - now : TimeSpan.Zero;
        }
    }

    /// <summary>Waits for <paramref name="server"/>'s next send; true when that meant waiting.</summary>
    public async Task<bool> WaitAsync(ServerKey server, CancellationToken cancellationToken)
    {
        var wait = await ReserveAsync(server, cancellationToken).ConfigureAwait(false);
        if (wait <= TimeSpan.Zero)
        {
            return false;
        }

        await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        return true;
    }
}

/// <summary>Per-server send budget (SmartPick:ServerBudget). 0 switches it off.</summary>
public sealed class ServerBudgetOptions
{
    public const string SectionName = "SmartPick:ServerBudget";

    /// <summary>Sustained sends per second one server may use: 5 is a tenth of Discord's global 50/s, a sixth of Telegram's 30/s.</summary>
    [Range(0, 1000)]
    public double PerSecond { get; set; } = 5;

    /// <summary>Sends a quiet server may make at once.</summary>
    [Range(1, 1000)]
    public int Burst { get; set; } = 10;
}
