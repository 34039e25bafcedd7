using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Engine;

/// <summary>
/// Per-user sliding one-minute window for messages in groups, so one member cannot make the bot flood a shared
/// channel. Direct chats are not limited here (the platforms' own limits apply there). A throttled user is told
/// once per window; further messages in that window get no reply at all, or the notice itself would flood the group.
/// </summary>
public sealed class GroupRateLimiter(IOptions<EngineOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<UserKey, Recent> _recent = [];

    /// <summary>The outcome for one message.</summary>
    public enum Verdict
    {
        Allowed,
        ThrottledNotify,
        ThrottledSilent,
    }

    /// <summary>Decides about one message; <paramref name="wait"/> is the time until the next one would be allowed.</summary>
    public Verdict Check(UserKey user, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        var limit = options.Value.GroupMessagesPerMinute;
        if (limit == 0)
        {
            return Verdict.Allowed;
        }

        var now = clock.GetUtcNow();
        lock (_recent)
        {
            if (!_recent.TryGetValue(user, out var recent))
            {
                recent = new Recent();
                _recent[user] = recent;
            }

            while (recent.Times.Count > 0 && now - recent.Times.Peek() >= Window)
            {
                recent.Times.Dequeue();
            }

            if (recent.Times.Count >= limit)
            {
                wait = recent.Times.Peek() + Window - now;
                if (recent.NotifiedAt is { } at && now - at < Window)
                {
                    return Verdict.ThrottledSilent;
                }

                recent.NotifiedAt = now;
                return Verdict.ThrottledNotify;
            }

            recent.Times.Enqueue(now);
            if (_recent.Count > 10_000)
            {
                Prune(now);
            }

            return Verdict.Allowed;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _recent.Where(kv => kv.Value.Times.Count == 0 || now - kv.Value.Times.Last() >= Window).Select(kv => kv.Key).ToList())
        {
            _recent.Remove(key);
        }
    }

    private sealed class Recent
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public DateTimeOffset? NotifiedAt { get; set; }
    }
}
