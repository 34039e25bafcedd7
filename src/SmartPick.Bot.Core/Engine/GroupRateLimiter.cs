using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Engine;

/// <summary>
/// Per-user sliding one-minute window for messages in groups, so one member cannot make the bot flood a shared
/// channel. Direct chats are not limited here (the platforms' own limits apply there).
/// </summary>
public sealed class GroupRateLimiter(IOptions<EngineOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<UserKey, Queue<DateTimeOffset>> _recent = [];

    /// <summary>Returns null when allowed, otherwise how long until the next message would be.</summary>
    public TimeSpan? Check(UserKey user)
    {
        var limit = options.Value.GroupMessagesPerMinute;
        if (limit == 0)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        lock (_recent)
        {
            if (!_recent.TryGetValue(user, out var times))
            {
                times = new Queue<DateTimeOffset>();
                _recent[user] = times;
            }

            while (times.Count > 0 && now - times.Peek() >= Window)
            {
                times.Dequeue();
            }

            if (times.Count >= limit)
            {
                return times.Peek() + Window - now;
            }

            times.Enqueue(now);
            if (_recent.Count > 10_000)
            {
                Prune(now);
            }

            return null;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _recent.Where(kv => kv.Value.Count == 0 || now - kv.Value.Last() >= Window).Select(kv => kv.Key).ToList())
        {
            _recent.Remove(key);
        }
    }
}
