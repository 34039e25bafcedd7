using System.Globalization;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Hosting;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Interactions;

/// <summary>
/// Regression: interactions once waited for a handler slot, so slow DM handlers (e.g. sends queued behind the global
/// rate limit) made interactions miss Discord's 3-second deadline (10062) under a burst of users.
/// </summary>
public sealed class AcknowledgementUnderLoadTests
{
    [Fact]
    public async Task Interaction_IsAcknowledged_WhileEveryHandlerSlotIsBusy()
    {
        // Arrange: more slow DM conversations than there are handler slots.
        await using var bot = await BotHarness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Engine.Answer = async m =>
        {
            if (m.Content is TextContent)
            {
                await release.Task;
            }

            return [new Reply("ok")];
        };
        for (var i = 0; i < DiscordGatewayService.MaxConcurrentHandlers + 8; i++)
        {
            var user = (900 + i).ToString(CultureInfo.InvariantCulture);
            await bot.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", $$"""{"id":"m{{user}}","channel_id":"7{{user}}","author":{"id":"{{user}}"},"content":"hello"}""");
        }

        await BotHarness.WaitUntilAsync(() => bot.Engine.Received.Count(m => m.Content is TextContent) == DiscordGatewayService.MaxConcurrentHandlers);

        // Act
        var state = await bot.InteractAsync(2, """{"id":"771825006014889984","name":"help","type":1}""", inGuild: true);

        // Assert
        Assert.NotNull(state.AckType);
        Assert.Equal(0, bot.Fake.UnknownInteractionCount);
        release.SetResult();
    }
}
