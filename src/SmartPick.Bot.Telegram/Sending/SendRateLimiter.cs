using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Telegram.Configuration;

namespace SmartPick.Bot.Telegram.Sending;

/// <summary>
/// Queues sends so each chat gets at most one message per interval (longer for groups) and the bot as a whole
/// stays under the global rate. Callers wait for a reserved slot; nothing is dropped. A 429 pushes the chat's next
/// slot past <c>retry_after</c>. With several instances (<paramref name="shared"/> registered: PostgreSQL) the global rate
/// is one budget in the database for all of them (one round trip per send, about 0.4 ms on loopback); per-chat spacing
/// stays here, as one chat's turns run one at a time.
/// </summary>
public sealed class SendRateLimiter(IOptions<TelegramOptions> options, TimeProvider time, ISendBudget? shared = null)
{
    private const int PruneThreshold = 4096;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, DateTimeOffset> _chatNext = [];
    private DateTimeOffset _globalNext = DateTimeOffset.MinValue;

    /// <summary>Waits for the chat's next slot; true when that meant waiting.</summary>
    public async Task<bool> WaitAsync(long chatId, bool isGroup, CancellationToken cancellationToken)
    {
        var delay = Reserve(chatId, isGroup);
        var rate = options.Value.GlobalMessagesPerSecond;
        if (shared is not null && rate > 0)
        {
            var global = await shared.ReserveAsync(GlobalBucket, rate, rate, cancellationToken).ConfigureAwait(false);
            delay = global > delay ? global : delay;
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>The shared bucket of this bot's token (its numeric id; the secret part is never stored).</summary>
    internal string GlobalBucket { get; } = "telegram:" + options.Value.Token.Split(':')[0] + ":global";

    /// <summary>Flood control said wait: the chat's next slot moves to now + <paramref name="retryAfter"/>.</summary>
    public void Defer(long chatId, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (!_chatNext.TryGetValue(chatId, out var next) || next < until)
            {
                _chatNext[chatId] = until;
            }
        }
    }

    /// <summary>Reserves the earliest slot allowed by both limits and returns how long to wait for it.</summary>
    internal TimeSpan Reserve(long chatId, bool isGroup)
    {
        var o = options.Value;
        var chatInterval = TimeSpan.FromMilliseconds(isGroup ? o.PerGroupIntervalMilliseconds : o.PerChatIntervalMilliseconds);
        // Rounded up: 30 slots of a rounded-down 1/30 s would squeeze a 31st message into the first second.
        var globalInterval = o.GlobalMessagesPerSecond > 0 && shared is null
            ? TimeSpan.FromTicks((TimeSpan.TicksPerSecond + o.GlobalMessagesPerSecond - 1) / o.GlobalMessagesPerSecond)
            : TimeSpan.Zero;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _chatNext.TryGetValue(chatId, out var chatNext) && chatNext > now ? chatNext : now;
            if (_globalNext > slot)
            {
                slot = _globalNext;
            }

            _globalNext = slot + globalInterval;
            Prune(now);
            _chatNext[chatId] = slot + chatInterval;
            return slot - now;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        if (_chatNext.Count < PruneThreshold)
        {
            return;
        }

        foreach (var stale in _chatNext.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList())
        {
            _chatNext.Remove(stale);
        }
    }
}
