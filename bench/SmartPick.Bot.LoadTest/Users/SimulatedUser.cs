using SmartPick.Bot.Telegram.Tests.Fakes;

namespace SmartPick.Bot.LoadTest.Users;

/// <summary>One Telegram user in a private chat: says each step, waits for the answer, goes on.</summary>
public sealed class SimulatedUser(FakeBotApi api, Inbox inbox, long userId, TimeSpan replyTimeout)
{
    public long UserId => userId;

    /// <summary>Update id and enqueue time of each message the user sent, in order.</summary>
    public List<(int UpdateId, double SentAtMs)> Sent { get; } = [];

    /// <summary>When the expected answer to each message arrived (fake's clock, ms).</summary>
    public List<double> AnsweredAtMs { get; } = [];

    public int CompletedSteps => AnsweredAtMs.Count;

    public string? Failure { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var from = 0;
        foreach (var (say, expect) in UserScript.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = api.SendText(userId, say);
            Sent.Add((id, api.EnqueuedAtMs(id) ?? api.NowMs));
            var found = await inbox.WaitForAsync(from, expect, replyTimeout);
            if (found < 0)
            {
                Failure = $"no reply containing \"{expect}\" to \"{say}\" within {replyTimeout.TotalSeconds:F0} s";
                return;
            }

            from = found + 1;
            AnsweredAtMs.Add(inbox.Messages[found].AtMs);
        }
    }
}
