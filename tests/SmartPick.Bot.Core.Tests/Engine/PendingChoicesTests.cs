using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Core.Tests.Support;
using SmartPick.Bot.Storage;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;

namespace SmartPick.Bot.Core.Tests.Engine;

/// <summary>Choices shown before a restart still work after it: pressed, typed as a label, or answered yes/no.</summary>
public sealed class PendingChoicesTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private ConversationScript Restarted(RecordingAdvisor? advisor = null) =>
        new(TestBot.CreateEngine(_bot.DatabasePath, _bot.Clock, advisor ?? new RecordingAdvisor(), new RecordingGuide()), "test", "u1", ChatKind.Direct);

    [Fact]
    public async Task Forget_ConfirmationPressedAfterRestart_DeletesEverything()
    {
        var before = await _bot.Direct().Send("/profile set specialties IM").Send("/forget").Expect("Delete now?").RunAsync();
        var yes = before.Last.SelectMany(r => r.Choices).Single(c => c.Label.StartsWith("Yes", StringComparison.Ordinal)).Payload;

        await Restarted().PressPayload(yes).Expect("I deleted your profile").RunAsync();

        Assert.Equal(0, _bot.RowsAbout("u1"));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Delete")]
    [InlineData("Yes, delete everything")]
    [InlineData("1")]
    public async Task Forget_TypedConfirmationAfterRestart_DeletesEverything(string typed)
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/forget").RunAsync();

        await Restarted().Send(typed).Expect("I deleted your profile").RunAsync();

        Assert.Equal(0, _bot.RowsAbout("u1"));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("cancel")]
    public async Task Forget_TypedRefusal_KeepsTheProfile(string typed)
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/forget").Send(typed).Expect("nothing was deleted").RunAsync();

        Assert.Contains("Internal Medicine", _bot.StoredProfileJson("u1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yes_AfterAnUnrelatedTurn_IsNotAConfirmation()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/forget").Send("/help").Send("yes").ExpectNot("deleted").RunAsync();

        Assert.Contains("Internal Medicine", _bot.StoredProfileJson("u1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChoiceLabel_TypedAfterRestart_RunsTheChoice()
    {
        var advisor = new RecordingAdvisor();
        await _bot.Direct().Send("/profile set specialties IM").Send("/profile")
            .ExpectReplies(r => Assert.Contains(r.SelectMany(x => x.Choices), c => c.Label == "Rank programs")).RunAsync();

        await Restarted(advisor).Send("Rank programs").Expect("rank result").RunAsync();

        Assert.Single(advisor.Calls, c => c.Call == "rank");
    }

    [Fact]
    public async Task UnknownToken_SaysExpired_AndSendsTheLatestChoicesAgain()
    {
        await _bot.Direct().Send("/profile set specialties IM").Send("/profile").RunAsync();

        await Restarted().PressPayload("~999.0").Expect("expired — here it is again").Expect("Your profile")
            .ExpectReplies(r => Assert.Contains(r.SelectMany(x => x.Choices), c => c.Label == "Rank programs"))
            .Press("Rank programs").Expect("rank result")
            .RunAsync();
    }

    [Fact]
    public async Task LongPayload_TravelsAsShortToken_AndResolvesAfterRestart()
    {
        // A /rank page button carries its filters; far longer than Telegram's 64-byte callback_data.
        var payload = "cmd:rank Internal Medicine, Family Medicine socal CA 20 page 2 visa H1B sort chance";
        var turn = new Turn(new InboundMessage("test", "dm-u1", "u1", ChatKind.Direct, new TextContent("x")), UserState.New);
        turn.Say(new Reply("Page 1 of 3") { Choices = [new Choice("More", payload), new Choice("Done", "cmd:help")] });

        PendingChoices.Record(turn);
        var store = Store();
        var user = new UserKey("test", "u1");
        await store.SaveAsync(user, turn.State, CancellationToken.None);
        var reloaded = (await Store().LoadAsync(user, CancellationToken.None))!;

        var wire = turn.Replies[0].Choices[0].Payload;
        Assert.True(Encoding.UTF8.GetByteCount(wire) <= 64, wire);
        Assert.Equal("cmd:help", turn.Replies[0].Choices[1].Payload);
        Assert.Equal(payload, PendingChoices.Resolve(reloaded.Conversation, wire));
        Assert.Equal("cmd:help", PendingChoices.MatchTyped(reloaded.Conversation, "2"));
        Assert.Equal(payload, PendingChoices.MatchTyped(reloaded.Conversation, "more"));
    }

    [Fact]
    public void Tokens_OfOlderTurnsStillResolve_ButTypedLabelsOnlyMatchTheLatestTurn()
    {
        var state = UserState.New;
        state = Offer(state, new Choice("More", new string('x', 80)));
        var oldWire = state.Conversation.Offers[^1].Choices[0].Wire;
        state = Offer(state); // a turn without choices

        Assert.Equal(new string('x', 80), PendingChoices.Resolve(state.Conversation, oldWire));
        Assert.Null(PendingChoices.MatchTyped(state.Conversation, "More"));
    }

    private static UserState Offer(UserState state, params Choice[] choices)
    {
        var turn = new Turn(new InboundMessage("test", "dm-u1", "u1", ChatKind.Direct, new TextContent("x")), state);
        turn.Say(new Reply("text") { Choices = choices });
        PendingChoices.Record(turn);
        return turn.State;
    }

    private SqliteUserStore Store() =>
        new(new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={_bot.DatabasePath}" }), NullLogger<SqliteDatabase>.Instance), _bot.Clock);
}
