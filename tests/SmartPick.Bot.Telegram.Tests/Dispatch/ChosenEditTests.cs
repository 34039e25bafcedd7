using SmartPick.Bot.Telegram.Dispatch;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace SmartPick.Bot.Telegram.Tests.Dispatch;

/// <summary>A pressed choice is recorded under its question, but a guide answer (it carries 👍/👎) keeps its text and buttons.</summary>
public sealed class ChosenEditTests
{
    private static CallbackQuery Press(string data, params InlineKeyboardButton[] buttons) => new()
    {
        Id = "1",
        Data = data,
        From = new User { Id = 7, FirstName = "A" },
        Message = new Message { Text = "Which specialty?", Chat = new Chat { Id = 7 }, ReplyMarkup = new InlineKeyboardMarkup(buttons) },
    };

    [Fact]
    public void IntakeChoice_IsRecordedUnderTheQuestion()
    {
        var edited = ChosenEdit.Build(Press("specialty IM", InlineKeyboardButton.WithCallbackData("Internal Medicine", "specialty IM")));

        Assert.NotNull(edited);
        Assert.Contains("✓ <b>Internal Medicine</b>", edited, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vote:+:soap")]
    [InlineData("~12.3")] // "Share my question": a long payload goes on the wire as a pending-choice token
    public void PressOnARatedGuideAnswer_LeavesTheAnswerAlone(string pressed)
    {
        var edited = ChosenEdit.Build(Press(pressed,
            InlineKeyboardButton.WithCallbackData("👍", "vote:+:soap"), InlineKeyboardButton.WithCallbackData("👎", "vote:-:soap"), InlineKeyboardButton.WithCallbackData("Share my question", "~12.3")));

        Assert.Null(edited);
    }
}
