using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SmartPick.Bot.Discord.Telemetry;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Interactions;

/// <summary>Operators see how fast interactions are acknowledged, and every 10062 miss.</summary>
public sealed class AcknowledgementMetricsTests
{
    [Fact]
    public async Task AcknowledgedInteraction_IsTimedFromReceipt_AndNotCountedAsAMiss()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();
        var meters = bot.Host.Services.GetRequiredService<IMeterFactory>();
        using var latency = new MetricCollector<double>(meters, DiscordMetrics.MeterName, "smartpick.discord.interaction.ack.duration");
        using var misses = new MetricCollector<long>(meters, DiscordMetrics.MeterName, "smartpick.discord.interaction.ack.misses");

        // Act
        await bot.InteractAsync(2, """{"id":"1","name":"help","type":1}""", inGuild: true);
        await BotHarness.WaitUntilAsync(() => latency.GetMeasurementSnapshot().Count > 0); // recorded once Discord answered

        // Assert: the fake clock did not move, so receipt → acknowledgement is 0 s of bot time.
        var recorded = Assert.Single(latency.GetMeasurementSnapshot());
        Assert.Equal(0, recorded.Value);
        Assert.Empty(misses.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task InteractionAcknowledgedTooLate_IsCountedAsAMiss()
    {
        // Arrange: the engine is slow and the fake clock passes Discord's 3 s deadline before the bot answers.
        await using var bot = await BotHarness.StartAsync();
        using var misses = new MetricCollector<long>(bot.Host.Services.GetRequiredService<IMeterFactory>(), DiscordMetrics.MeterName, "smartpick.discord.interaction.ack.misses");
        bot.Engine.Answer = async _ =>
        {
            bot.Time.Advance(TimeSpan.FromSeconds(4));
            await Task.Yield();
            return [new Core.Messaging.Reply("late")];
        };

        // Act
        await bot.InteractAsync(2, """{"id":"1","name":"help","type":1}""", inGuild: true, waitForAck: false);
        await BotHarness.WaitUntilAsync(() => misses.GetMeasurementSnapshot().Count > 0);

        // Assert
        Assert.Equal(1, misses.GetMeasurementSnapshot().EvaluateAsCounter());
    }
}
