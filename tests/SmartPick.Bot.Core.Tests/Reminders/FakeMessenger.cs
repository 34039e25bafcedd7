using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;

namespace SmartPick.Bot.Core.Tests.Reminders;

/// <summary>
/// Behaves like an adapter's DM sender: records what the platform accepted, with the (fake) time it was accepted.
/// <see cref="CrashNext"/> simulates the process dying while the request is in flight (nothing after it runs).
/// </summary>
public sealed class FakeMessenger(TimeProvider clock, string platform = "test") : IDirectMessenger
{
    private readonly Lock _gate = new();
    private readonly List<(string UserId, string Text, DateTimeOffset At)> _delivered = [];

    public string Platform => platform;

    public bool CrashNext { get; set; }

    public DirectSendResult NextResult { get; set; } = DirectSendResult.Sent;

    public IReadOnlyList<(string UserId, string Text, DateTimeOffset At)> Delivered
    {
        get
        {
            lock (_gate)
            {
                return [.. _delivered];
            }
        }
    }

    public async Task<DirectSendResult> SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (CrashNext)
        {
            CrashNext = false;
            throw new OperationCanceledException("simulated crash: the process died during the send");
        }

        var result = NextResult;
        if (result == DirectSendResult.Sent)
        {
            lock (_gate)
            {
                _delivered.AddRange(replies.Select(r => (userId, r.Text, clock.GetUtcNow())));
            }
        }

        return result;
    }
}
