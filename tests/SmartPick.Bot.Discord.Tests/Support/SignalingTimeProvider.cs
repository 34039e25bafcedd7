using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SmartPick.Bot.Discord.Tests.Support;

/// <summary>A <see cref="FakeTimeProvider"/> that reports every timer created, so tests advance time only once the code under test is waiting.</summary>
public sealed class SignalingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (real time, generous) until a timer with exactly <paramref name="dueTime"/> was created.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await timers.Reader.ReadAsync(cts.Token) != dueTime)
        {
        }
    }

    /// <summary>Advances in small steps until <paramref name="condition"/> holds (real-time timeout 10 s).</summary>
    public async Task PumpUntilAsync(Func<bool> condition, TimeSpan? step = null)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("Condition not reached while pumping fake time.");
            }

            Advance(step ?? TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }
    }
}
