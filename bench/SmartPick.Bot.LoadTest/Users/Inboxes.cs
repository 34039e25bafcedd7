using SmartPick.Bot.Telegram.Tests.Fakes;

namespace SmartPick.Bot.LoadTest.Users;

/// <summary>
/// Routes the fake Bot API's recorded messages to per-chat inboxes. One loop reads the call log every few
/// milliseconds, so a thousand waiting users do not each scan it.
/// </summary>
public sealed class Inboxes(FakeBotApi api) : IAsyncDisposable
{
    private readonly Dictionary<long, Inbox> _byChat = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _seen;

    public void Start() => _loop = Task.Run(LoopAsync);

    public Inbox For(long chatId)
    {
        lock (_gate)
        {
            if (!_byChat.TryGetValue(chatId, out var inbox))
            {
                _byChat[chatId] = inbox = new Inbox();
            }

            return inbox;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var calls = api.Calls;
            for (; _seen < calls.Count; _seen++)
            {
                var call = calls[_seen];
                if (call.Succeeded && call.Method is "sendMessage" or "sendPhoto" && call.ChatId is { } chat)
                {
                    For(chat).Add(call);
                }
            }

            await Task.Delay(5).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}

/// <summary>The bot's messages to one chat, in the order the fake received them.</summary>
public sealed class Inbox
{
    private readonly List<RecordedCall> _messages = [];
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<RecordedCall> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public void Add(RecordedCall call)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            // A reply with the text of an earlier one is a re-send after a crash (the engine repeats its stored replies
            // for a redelivered update): the user has already read it, so it must not count as the answer to a later
            // message whose expected phrase it happens to contain. The analysis drops re-sends the same way.
            if (!_texts.Add(Plain.Of(call)))
            {
                return;
            }

            _messages.Add(call);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Index of the first message at or after <paramref name="from"/> containing <paramref name="expect"/>, or -1 on timeout.</summary>
    public async Task<int> WaitForAsync(int from, string expect, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (var i = from; i < _messages.Count; i++)
                {
                    if (Plain.Of(_messages[i]).Contains(expect, StringComparison.OrdinalIgnoreCase))
                    {
                        return i;
                    }
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                return -1;
            }
        }
    }
}

/// <summary>Message text as the user sees it (tags of Telegram HTML removed, entities decoded).</summary>
public static partial class Plain
{
    public static string Of(RecordedCall call) =>
        call.ParseMode is null ? call.Text ?? string.Empty : System.Net.WebUtility.HtmlDecode(Tag().Replace(call.Text ?? string.Empty, string.Empty));

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tag();
}
