using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Storage.Postgres.Tests.Contract;

/// <summary>
/// The two-writer experiment: two instances (own engine, own connections, one database) change different
/// fields of one user at the same moment. Both values must survive and each message be applied once.
/// </summary>
public sealed class TwoWriterTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task TwoInstancesSettingDifferentFieldsAtOnce_BothValuesSurvive(string provider)
    {
        // Arrange: step2ck 231 and graduation year 2001 stored; both instances read that before either writes.
        using var storage = TestStorage.Create(provider);
        var user = new UserKey("telegram", "42");
        await storage.UserStore().SaveAsync(user, new UserState(
            new ApplicantProfile { Specialties = ["Internal Medicine"], Step2ck = new Step2Info(231), GraduationYear = 2001 },
            ConversationState.Idle), None);
        var startLine = new RacingUserStore.StartLine(participants: 2);
        var first = storage.NewInstance(b => { b.AddBotCore(); RacingUserStore.Install(b, startLine); }).GetRequiredService<IConversationEngine>();
        var second = storage.NewInstance(b => { b.AddBotCore(); RacingUserStore.Install(b, startLine); }).GetRequiredService<IConversationEngine>();

        // Act
        var replies = await Task.WhenAll(
            first.HandleAsync(Set(user, "step2ck 250", "update:1"), None),
            second.HandleAsync(Set(user, "graduationyear 2020", "update:2"), None));

        // Assert
        var stored = (await storage.UserStore().LoadAsync(user, None))!;
        Assert.Equal(250, stored.Profile.Step2ck?.Score);
        Assert.Equal(2020, stored.Profile.GraduationYear);
        Assert.Equal(["update:1", "update:2"], stored.Conversation.RecentMessageIds.Order());
        Assert.All(replies, r => Assert.DoesNotContain(r, x => x.Text.Contains("went wrong", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task TheSameDeliveryHandledByTwoInstancesAtOnce_IsAppliedOnce(string provider)
    {
        // Arrange: a webhook redelivery reaches two instances; both read the state before either writes.
        using var storage = TestStorage.Create(provider);
        var user = new UserKey("telegram", "7");
        await storage.UserStore().SaveAsync(user, new UserState(new ApplicantProfile { Specialties = ["Internal Medicine"] }, ConversationState.Idle), None);
        var startLine = new RacingUserStore.StartLine(participants: 2);
        var first = storage.NewInstance(b => { b.AddBotCore(); RacingUserStore.Install(b, startLine); }).GetRequiredService<IConversationEngine>();
        var second = storage.NewInstance(b => { b.AddBotCore(); RacingUserStore.Install(b, startLine); }).GetRequiredService<IConversationEngine>();

        // Act
        var replies = await Task.WhenAll(
            first.HandleAsync(Set(user, "step2ck 240", "update:9"), None),
            second.HandleAsync(Set(user, "step2ck 240", "update:9"), None));

        // Assert: one row version per applied message (seed save + one turn), and the same answer to both.
        var stored = (await storage.UserStore().LoadAsync(user, None))!;
        Assert.Equal(240, stored.Profile.Step2ck?.Score);
        Assert.Equal(["update:9"], stored.Conversation.RecentMessageIds);
        Assert.Equal(2, stored.Version);
        Assert.Equal(replies[0].Select(r => r.Text), replies[1].Select(r => r.Text));
    }

    private static InboundMessage Set(UserKey user, string arguments, string messageId) =>
        new(user.Platform, user.UserId, user.UserId, ChatKind.Direct, new CommandContent("profile", "set " + arguments, new Dictionary<string, string>()))
        {
            MessageId = messageId,
        };
}
