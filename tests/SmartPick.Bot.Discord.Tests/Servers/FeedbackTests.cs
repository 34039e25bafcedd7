using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Core.Servers.Feedback;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Servers;

/// <summary>Issue 16 point 4 on Discord: 👍/👎 under a guide answer; a vote never replaces the answer, is silent in a guild and counted once.</summary>
public sealed class FeedbackTests
{
    private const string DmChannel = "700000000000000001";

    [Fact]
    public async Task Votes_InADm_AreThankedInANewMessageAndCountedOnce_InAGuild_AcknowledgedSilently()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync(realEngine: true, configure: s => s.AddSingleton<IGuideTopics>(new SoapTopic()));
        var answer = await bot.InteractAsync(2, """{"id":"1","name":"faq","type":1,"options":[{"name":"topic","type":3,"value":"soap"}]}""", inGuild: false, channelId: DmChannel);
        var customIds = bot.Fake.RequestsTo($"/interactions/{answer.Id}/").Single().Body!.Value.GetProperty("data").GetProperty("components")
            .EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).Select(b => b.GetProperty("custom_id").GetString()).ToList();

        // Act
        var first = await bot.InteractAsync(3, """{"component_type":2,"custom_id":"c:vote:+:soap"}""", inGuild: false, channelId: DmChannel);
        var again = await bot.InteractAsync(3, """{"component_type":2,"custom_id":"c:vote:-:soap"}""", inGuild: false, channelId: DmChannel);
        var inGuild = await bot.InteractAsync(3, """{"component_type":2,"custom_id":"c:vote:-:soap"}""", inGuild: true, userId: "80351110224678912");

        // Assert
        Assert.Equal(["c:vote:+:soap", "c:vote:-:soap"], customIds);
        Assert.Equal(4, first.AckType); // a new message: the rated answer stays as it was (7 would overwrite it)
        Assert.Contains("Thanks", Content(bot, first), StringComparison.Ordinal);
        Assert.Contains("already rated", Content(bot, again), StringComparison.Ordinal);
        Assert.Equal(6, inGuild.AckType); // deferred update: nothing posted in the channel
        var votes = await bot.Host.Services.GetRequiredService<IFeedbackStore>().ListAsync(null, CancellationToken.None);
        Assert.Equal([true, false], votes.Select(v => v.Helpful));
        Assert.Empty(bot.Fake.ValidationErrors);
    }

    private static string Content(BotHarness bot, FakeDiscord.FakeInteractionState state) =>
        bot.Fake.RequestsTo($"/interactions/{state.Id}/").Single().Body!.Value.GetProperty("data").GetProperty("content").GetString()!;

    private sealed class SoapTopic : IGuideTopics
    {
        public IReadOnlyList<GuideTopic> Topics { get; } = [new("SOAP", "soap")];

        public Task<GuideAnswer?> SectionAsync(string sectionId, CancellationToken cancellationToken) => Task.FromResult(sectionId == "soap"
            ? new GuideAnswer("**SOAP** lets unmatched applicants apply to unfilled positions.", [new GuideCitation("guide/not-matching.md", "soap", "SOAP", 1)], true)
            : null);
    }
}
