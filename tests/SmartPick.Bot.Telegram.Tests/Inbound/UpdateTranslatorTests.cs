using System.Text.RegularExpressions;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Telegram.Commands;
using SmartPick.Bot.Telegram.Inbound;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SmartPick.Bot.Telegram.Tests.Inbound;

public sealed class UpdateTranslatorTests
{
    private static readonly BotIdentity Bot = Identity();

    [Fact]
    public void CommandCatalog_NamesFollowTelegramRules()
    {
        Assert.All(TelegramCommandCatalog.PrivateMenu(), c => Assert.Matches(new Regex("^[a-z0-9_]{1,32}$"), c.Command));
        Assert.Contains(TelegramCommandCatalog.PrivateMenu(), c => c.Command == "explain_score");
        Assert.All(TelegramCommandCatalog.GroupMenu(), c => Assert.InRange(c.Description.Length, 1, 256));
    }

    [Theory]
    [InlineData("/explain_score", "explain-score", "")]
    [InlineData("/explain_score@SmartPickTestBot 1400531031", "explain-score", "1400531031")]
    [InlineData("/start rank", "start", "rank")]
    [InlineData("/RANK@smartpicktestbot", "rank", "")]
    public void Translate_Command_MapsToCanonicalName(string text, string name, string arguments)
    {
        var result = UpdateTranslator.Translate(MessageUpdate(text, ChatType.Private), Bot);

        var command = Assert.IsType<CommandContent>(result!.Message.Content);
        Assert.Equal((name, arguments), (command.Name, command.Arguments));
        Assert.Equal(("telegram", "42", "42", ChatKind.Direct), (result.Message.Platform, result.Message.ConversationId, result.Message.UserId, result.Message.ChatKind));
    }

    [Fact]
    public void Translate_CommandForAnotherBot_IsIgnored() =>
        Assert.Null(UpdateTranslator.Translate(MessageUpdate("/rank@OtherBot", ChatType.Supergroup), Bot));

    [Fact]
    public void Translate_GroupChatterNotForTheBot_IsIgnored() =>
        Assert.Null(UpdateTranslator.Translate(MessageUpdate("anyone matched IM?", ChatType.Supergroup), Bot));

    [Fact]
    public void Translate_GroupReplyToTheBot_IsText()
    {
        var update = MessageUpdate("what about visas?", ChatType.Supergroup);
        update.Message!.ReplyToMessage = new Message { Id = 1, From = new User { Id = 99, IsBot = true, FirstName = "b" }, Chat = update.Message.Chat };

        var result = UpdateTranslator.Translate(update, Bot);

        Assert.Equal(new TextContent("what about visas?"), result!.Message.Content);
        Assert.Equal(ChatKind.Group, result.Message.ChatKind);
    }

    [Fact]
    public void Translate_PrivateText_IsText() =>
        Assert.Equal(new TextContent("232"), UpdateTranslator.Translate(MessageUpdate("232", ChatType.Private), Bot)!.Message.Content);

    [Fact]
    public void Translate_CallbackQuery_IsButtonWithQueryToAnswer()
    {
        var chat = new Chat { Id = 42, Type = ChatType.Private };
        var update = new Update
        {
            Id = 7,
            CallbackQuery = new CallbackQuery
            {
                Id = "cq1", From = new User { Id = 42, FirstName = "u" }, ChatInstance = "x", Data = "spec:im",
                Message = new Message { Id = 5, Date = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Chat = chat },
            },
        };

        var result = UpdateTranslator.Translate(update, Bot)!;

        Assert.Equal(new ButtonContent("spec:im"), result.Message.Content);
        Assert.Equal(("cq1", (int?)5, 42L), (result.CallbackQueryId, result.KeyboardMessageId, result.ChatId));
    }

    private static BotIdentity Identity()
    {
        var identity = new BotIdentity();
        identity.Set(99, "SmartPickTestBot");
        return identity;
    }

    private static Update MessageUpdate(string text, ChatType type)
    {
        var chatId = type == ChatType.Private ? 42 : -100;
        var message = new Message
        {
            Id = 1,
            Date = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Chat = new Chat { Id = chatId, Type = type },
            From = new User { Id = 42, FirstName = "u" },
            Text = text,
        };
        if (text.StartsWith('/'))
        {
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            message.Entities = [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = end < 0 ? text.Length : end }];
        }

        return new Update { Id = 1, Message = message };
    }
}
