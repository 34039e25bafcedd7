using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Servers;

/// <summary>Issue 16 point 3: /faq answers with a select menu of the curated topics; a pick posts that guide section (guild and DM).</summary>
public sealed class FaqTests
{
    private const string DmChannel = "700000000000000001";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FaqPick_PostsThePickedSectionPublicly(bool inGuild)
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync(realEngine: true, configure: s => s.AddSingleton<IGuideTopics>(new SixTopics()));
        var channel = inGuild ? "645027906669510667" : DmChannel;

        // Act
        var faq = await bot.InteractAsync(2, """{"id":"1","name":"faq","type":1}""", inGuild, channelId: channel);
        var menuData = Callback(bot, faq).GetProperty("data");
        var menu = menuData.GetProperty("components")[0].GetProperty("components")[0];
        var soap = menu.GetProperty("options").EnumerateArray().First(o => o.GetProperty("label").GetString() == "SOAP").GetProperty("value").GetString();
        var pick = await bot.InteractAsync(3, $$"""{"component_type":3,"custom_id":"c:select","values":["{{soap}}"]}""", inGuild, channelId: channel);

        // Assert: a select menu (type 3) with one option per topic, shown to everyone; the pick shows that section, cited.
        Assert.Equal(3, menu.GetProperty("type").GetInt32());
        Assert.Equal(["Do I need a visa?", "SOAP", "ERAS signals", "Letters", "Interviews", "Costs"], menu.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("label").GetString()));
        Assert.False(menuData.TryGetProperty("flags", out var flags) && (flags.GetInt32() & 64) != 0);
        var answer = AllText(bot, pick);
        Assert.Contains("Supplemental Offer", answer, StringComparison.Ordinal);
        Assert.Contains("guide/not-matching.md", answer, StringComparison.Ordinal); // the cited source (Discord markdown escapes the #)
        Assert.Empty(bot.Fake.ValidationErrors);
    }

    private static JsonElement Callback(BotHarness bot, FakeDiscord.FakeInteractionState state) =>
        bot.Fake.RequestsTo($"/interactions/{state.Id}/").Single().Body!.Value;

    /// <summary>Everything the bot said for an interaction: its callback and any follow-ups or edits on its token.</summary>
    private static string AllText(BotHarness bot, FakeDiscord.FakeInteractionState state) => string.Concat(
        bot.Fake.RequestsTo($"/interactions/{state.Id}/").Concat(bot.Fake.RequestsTo("/webhooks/")).Where(r => r.Body is not null).Select(r => r.Body!.Value.GetRawText()));

    /// <summary>Six topics, more than fit as buttons (the real list has 24), each answering with its own section.</summary>
    private sealed class SixTopics : IGuideTopics
    {
        public IReadOnlyList<GuideTopic> Topics { get; } =
        [
            new("Do I need a visa?", "do-you-need-a-visa"), new("SOAP", "soap"), new("ERAS signals", "what-signals-are"),
            new("Letters", "how-many-letters"), new("Interviews", "interviews-matter"), new("Costs", "eras-fees"),
        ];

        public Task<GuideAnswer?> SectionAsync(string sectionId, CancellationToken cancellationToken) =>
            Task.FromResult(Topics.FirstOrDefault(t => t.SectionId == sectionId) is { } topic
                ? new GuideAnswer(
                    topic.SectionId == "soap" ? "**SOAP: the Supplemental Offer and Acceptance Program**\nUnmatched applicants apply to unfilled positions." : "**" + topic.Label + "**",
                    [new GuideCitation(topic.SectionId == "soap" ? "guide/not-matching.md" : "guide/other.md", topic.SectionId, topic.Label, 1)],
                    true)
                : null);
    }
}
