using SmartPick.Bot.Telegram.Tests.Fakes;

namespace SmartPick.Bot.Telegram.Tests.Support;

/// <summary>Plays one Telegram user against the fake server: say something, wait for the bot's answer.</summary>
internal sealed class ChatDriver(FakeBotApi api, long userId, long? chatId = null, bool group = false)
{
    private int _seen;

    public long ChatId => chatId ?? userId;

    /// <summary>Plain text (HTML parsed the way Telegram does) of every message the bot sent to this chat.</summary>
    public IReadOnlyList<string> Transcript => [.. api.SentTo(ChatId).Select(Plain)];

    public Task<RecordedCall> SayAsync(string text, string expect)
    {
        api.SendText(userId, text, chatId, group);
        return ExpectAsync(expect);
    }

    public Task<RecordedCall> PressAsync(RecordedCall message, string label, string expect)
    {
        var button = message.InlineKeyboard!.SelectMany(row => row!.AsArray()).First(b => b!["text"]!.GetValue<string>() == label)!;
        api.PressButton(userId, ChatId, message.MessageId!.Value, button["callback_data"]!.GetValue<string>());
        return ExpectAsync(expect);
    }

    /// <summary>Waits for a new message containing <paramref name="expect"/>; returns it.</summary>
    public async Task<RecordedCall> ExpectAsync(string expect)
    {
        RecordedCall? found = null;
        await api.WaitUntilAsync(
            f =>
            {
                var sent = f.SentTo(ChatId);
                found = sent.Skip(_seen).FirstOrDefault(m => Plain(m).Contains(expect, StringComparison.OrdinalIgnoreCase));
                return found is not null;
            },
            TimeSpan.FromSeconds(30),
            $"chat {ChatId} expected \"{expect}\"; got: {string.Join(" | ", Transcript.Skip(_seen))}");
        _seen = api.SentTo(ChatId).ToList().IndexOf(found!) + 1;
        return found!;
    }

    public static string Plain(RecordedCall call) =>
        call.ParseMode is null ? call.Text ?? string.Empty
        : TelegramHtml.TryParse(call.Text ?? string.Empty, out var plain, out _) ? plain : throw new InvalidOperationException("invalid HTML was accepted");
}
