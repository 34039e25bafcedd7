using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Servers;

/// <summary>Issue 16 point 5: the bot never answers other bots (author.bot = true, as Discord marks bot and app accounts).</summary>
public sealed class OtherBotsTests
{
    private const string Channel = "700000000000000001";

    private static string Dm(string id, string authorJson, string content) =>
        $$"""{"id":"{{id}}","channel_id":"{{Channel}}","author":{{authorJson}},"content":"{{content}}","mentions":[]}""";

    [Fact]
    public async Task DirectMessageFromAnotherBot_IsIgnored_WhileAPersonsIsAnswered()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();

        // Act: another bot writes first, then a person.
        await bot.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", Dm("m1", """{"id":"81384788765712384","username":"otherbot","bot":true}""", "hello from a bot"));
        await bot.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", Dm("m2", """{"id":"53908232506183680","username":"resident42"}""", "hello"));
        await BotHarness.WaitUntilAsync(() => bot.Fake.RequestsTo($"/channels/{Channel}/messages").Any());

        // Assert
        var inbound = Assert.Single(bot.Engine.Received);
        Assert.Equal("53908232506183680", inbound.UserId);
        Assert.Equal("hello", Assert.IsType<TextContent>(inbound.Content).Text);
        Assert.Single(bot.Fake.RequestsTo($"/channels/{Channel}/messages"));
        Assert.Empty(bot.Fake.ValidationErrors);
    }
}
