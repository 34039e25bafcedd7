using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Tests.Support;

namespace SmartPick.Bot.Core.Tests.Engine;

/// <summary>
/// The intake in a server channel whose private replies only the author sees (Discord guild interactions answered
/// ephemerally): it runs in place, every reply private, a one-field form standing in for typing; nothing moves to a DM.
/// </summary>
public sealed class InPlaceIntakeTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task ServerChannelProfile_WholeIntakeInPlace_TypedAnswersThroughTheForm_AllPrivate_Saved()
    {
        var chat = _bot.ServerChannel();
        var seen = new List<Reply>();
        await chat.Command("profile").Expect("Which specialty").ExpectReplies(seen.AddRange)
            .TypeInForm("internal medicine, family medicine").Expect("Which describes you").ExpectReplies(seen.AddRange)
            .Press("Non-US IMG, need J-1").Expect("USMLE results").ExpectReplies(seen.AddRange)
            .Form("scores", new Dictionary<string, string> { ["step1"] = "Pass", ["step2ck"] = "238", ["step3"] = "no", ["gradyear"] = "2019" }).ExpectReplies(seen.AddRange)
            .Press("First attempt").Press("First attempt").Expect("US clinical experience").ExpectReplies(seen.AddRange)
            .TypeInForm("6 months").Expect("hands-on").ExpectReplies(seen.AddRange)
            .RunAsync();
        for (var i = 0; i < 20 && chat.Last.Any(r => r.Choices.Any(c => c.Label == "Skip")); i++)
        {
            await chat.Press("Skip").ExpectReplies(seen.AddRange).RunAsync();
        }

        Assert.Contains("That's everything", string.Join('\n', chat.Last.Select(r => r.Text)), StringComparison.Ordinal);
        Assert.All(seen, r => Assert.Equal(Visibility.Private, r.Visibility));
        Assert.All(seen, r => Assert.Null(r.ContinueInDirect));
        var stored = _bot.StoredProfileJson("u1")!;
        Assert.Contains("Family Medicine", stored, StringComparison.Ordinal);
        Assert.Contains("238", stored, StringComparison.Ordinal);
        Assert.Contains("\"months\": 6", stored.Replace("\"months\":6", "\"months\": 6", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerChannelQuestions_CarryAnAnswerFormForTheirStep_TheScoresQuestionItsScoresForm()
    {
        var chat = await _bot.ServerChannel().Command("profile").RunAsync();
        var first = chat.Last.Single(r => r.Choices.Count > 0);
        await chat.TypeInForm("IM").Press("Non-US IMG, need J-1").RunAsync();

        Assert.Equal("answer:specialties", first.Form?.FormId);
        Assert.True(first.Form!.StandsInForTyping);
        Assert.Equal("scores", chat.Last.Single(r => r.Form is not null).Form!.FormId);
    }

    [Fact]
    public async Task DirectChatQuestions_OfferNoAnswerForm_TypingWorksThere()
    {
        var chat = await _bot.Direct().Send("/profile").RunAsync();
        Assert.All(chat.Last, r => Assert.Null(r.Form));

        await chat.Send("IM").Press("Non-US IMG, need J-1").RunAsync();
        Assert.Equal("scores", chat.Last.Single(r => r.Form is not null).Form!.FormId); // the scores form is not a stand-in: it asks four at once
    }

    [Fact]
    public async Task AnswerFormForAnEarlierQuestion_SaysSo_AsksTheCurrentOne_SavesNothing()
    {
        var chat = await _bot.ServerChannel().Command("profile").RunAsync();

        await chat.Form("answer:usce", new Dictionary<string, string> { ["answer"] = "6 months" }).Expect("earlier question").Expect("Which specialty").RunAsync();
        await chat.Form("answer:specialties", new Dictionary<string, string> { ["answer"] = "   " }).Expect("empty").Expect("Which specialty").RunAsync();

        Assert.DoesNotContain("usce", _bot.StoredProfileJson("u1") ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.All(chat.Last, r => Assert.Equal(Visibility.Private, r.Visibility));
    }

    [Fact]
    public async Task QuestionTypedIntoTheAnswerForm_IsAnsweredPrivately_ThenTheStepIsAskedAgain()
    {
        var chat = await _bot.ServerChannel().Command("profile").RunAsync();

        await chat.TypeInForm("do programs in California sponsor H-1B visas?").Expect("Back to your profile").RunAsync();

        Assert.Single(_bot.Guide.Questions);
        Assert.All(chat.Last, r => Assert.Equal(Visibility.Private, r.Visibility)); // a public guide answer would show what the user typed privately
    }

    [Fact]
    public async Task ServerChannelIntake_PressesAndFormsDoNotCountTowardTheGroupLimit_CommandsStillDo()
    {
        var engine = TestBot.CreateEngine(_bot.DatabasePath, _bot.Clock, _bot.Advisor, _bot.Guide, groupMessagesPerMinute: 3);
        var chat = new ConversationScript(engine, "test", "u1", ChatKind.Group) { PrivateRepliesInPlace = true };

        await chat.Command("profile").TypeInForm("IM").Press("Non-US IMG, need J-1").Press("Skip").Press("Skip").Press("Skip").Press("Skip").RunAsync();
        Assert.DoesNotContain("faster than I can answer", string.Join('\n', chat.Last.Select(r => r.Text)), StringComparison.Ordinal);

        await chat.Command("help").Command("help").Expect("SmartPick").Command("help").Expect("faster than I can answer").RunAsync();
    }

    [Fact]
    public async Task ServerChannel_PressesOnAPublicMessage_StillCountTowardTheGroupLimit()
    {
        // A member pressing a button of a public message (a /faq topic, say) gets a public answer each time: unlimited,
        // those presses would let one member flood the channel.
        var engine = TestBot.CreateEngine(_bot.DatabasePath, _bot.Clock, _bot.Advisor, _bot.Guide, groupMessagesPerMinute: 3);
        var chat = new ConversationScript(engine, "test", "u1", ChatKind.Group) { PrivateRepliesInPlace = true, PressesOnPublicMessages = true };

        await chat.PressPayload("cmd:help").PressPayload("cmd:help").PressPayload("cmd:help").Expect("SmartPick")
            .PressPayload("cmd:help").Expect("faster than I can answer").RunAsync();
    }

    [Fact]
    public async Task GroupWhereEveryoneSeesReplies_StillMovesTheIntakeToADirectChat()
    {
        var chat = await _bot.Group().Command("profile").Expect("private chat").RunAsync();

        Assert.All(chat.Last, r => Assert.Equal("profile", r.ContinueInDirect));
        Assert.All(chat.Last, r => Assert.Null(r.Form));
    }
}
