using System.Globalization;
using System.Text.Json.Nodes;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SmartPick.Bot.Telegram.Tests.Fakes;

public sealed partial class FakeBotApi
{
    private async Task<(int, JsonObject, int?)> GetUpdatesAsync(JsonObject p, CancellationToken aborted)
    {
        var offset = Int(p, "offset");
        var limit = Math.Clamp(Int(p, "limit") ?? 100, 1, 100);
        var timeout = Math.Max(0, Int(p, "timeout") ?? 0);
        using var mine = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        CancellationTokenSource? previous;
        lock (_gate)
        {
            if (WebhookUrl is not null)
            {
                return (409, Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"), null);
            }

            previous = _activePoll;
            _activePoll = mine;
            DropNotAllowed(p);
            if (offset is { } o)
            {
                // Calling with an offset confirms every update below it: they are gone for good.
                _queue.RemoveAll(u => u.Id < o);
            }
        }

        if (previous is not null)
        {
            await previous.CancelAsync();
        }

        var deadline = NowMs + (timeout * 1000.0);
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    var batch = _queue.Take(limit).ToList();
                    if (batch.Count > 0 || NowMs >= deadline)
                    {
                        return (200, Ok(new JsonArray([.. batch.Select(u => ToJson(u))])), null);
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(TimeSpan.FromMilliseconds(Math.Max(1, deadline - NowMs)), mine.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (mine.IsCancellationRequested && !aborted.IsCancellationRequested)
                {
                    return (409, Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"), null);
                }

                aborted.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == mine)
                {
                    _activePoll = null;
                }
            }
        }
    }

    /// <summary>A user writes <paramref name="text"/> (commands get a bot_command entity, as Telegram sets).</summary>
    public int SendText(long userId, string text, long? chatId = null, bool group = false, int? replyToMessageId = null) =>
        Enqueue(TextUpdate(userId, text, chatId, group, replyToMessageId));

    /// <summary>Builds the update for a user's message without queueing it (webhook tests deliver it themselves).</summary>
    public Update TextUpdate(long userId, string text, long? chatId = null, bool group = false, int? replyToMessageId = null)
    {
        var chat = GetOrAddChat(chatId ?? userId, group);
        var message = new Message
        {
            Id = NextMessageId(),
            Date = Now(),
            Chat = chat,
            From = UserOf(userId),
            Text = text,
        };
        if (text.StartsWith('/'))
        {
            var length = text.IndexOfAny([' ', '\n']) is var space and > 0 ? space : text.Length;
            message.Entities = [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = length }];
        }

        if (replyToMessageId is { } replyTo)
        {
            lock (_gate)
            {
                message.ReplyToMessage = _messages[(chat.Id, replyTo)];
            }
        }

        var update = new Update { Message = message };
        lock (_gate)
        {
            update.Id = _nextUpdateId++;
        }

        return update;
    }

    /// <summary>The user presses the inline button with <paramref name="data"/> on a message the bot sent.</summary>
    public int PressButton(long userId, long chatId, int messageId, string data)
    {
        Message message;
        string id;
        lock (_gate)
        {
            message = _messages[(chatId, messageId)];
            id = (_nextCallbackId++).ToString(CultureInfo.InvariantCulture);
            _openCallbacks.Add(id);
        }

        var buttons = message.ReplyMarkup?.InlineKeyboard.SelectMany(r => r).Select(b => b.CallbackData) ?? [];
        if (!buttons.Contains(data))
        {
            throw new InvalidOperationException($"Message {messageId} has no button with data '{data}'.");
        }

        var query = new CallbackQuery { Id = id, From = UserOf(userId), ChatInstance = "ci" + chatId, Data = data, Message = message };
        return Enqueue(new Update { CallbackQuery = query });
    }

    private int Enqueue(Update update)
    {
        lock (_gate)
        {
            update.Id = update.Id == 0 ? _nextUpdateId++ : update.Id;
            _queue.Add(update);
            _enqueuedAt[update.Id] = _clock.ElapsedTicks;
        }

        Signal();
        return update.Id;
    }

    private Chat GetOrAddChat(long chatId, bool group)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var chat))
            {
                chat = group
                    ? new Chat { Id = chatId, Type = ChatType.Supergroup, Title = "Group " + chatId }
                    : new Chat { Id = chatId, Type = ChatType.Private, FirstName = "User" + chatId };
                _chats[chatId] = chat;
            }

            return chat;
        }
    }

    private static User UserOf(long userId) => new() { Id = userId, IsBot = false, FirstName = "User" + userId };

    private User Me() => new() { Id = BotId, IsBot = true, FirstName = "SmartPick", Username = Username, CanJoinGroups = true };

    private static DateTime Now()
    {
        // The Bot API has whole seconds only.
        var now = TimeProvider.System.GetUtcNow();
        return DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime;
    }

    private int NextMessageId()
    {
        lock (_gate)
        {
            return _nextMessageId++;
        }
    }

    private static int? Int(JsonObject p, string name) =>
        p[name] is { } node && int.TryParse(node.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static long? Long(JsonObject p, string name) =>
        p[name] is { } node && long.TryParse(node.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
