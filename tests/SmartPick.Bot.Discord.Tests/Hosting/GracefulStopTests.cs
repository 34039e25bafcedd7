using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Hosting;

/// <summary>
/// A deploy stops the instance (SIGTERM): the gateway closes so another instance can take the shard, but a message the
/// instance already received is still answered — a user whose turn was in progress must not lose it.
/// </summary>
public sealed class GracefulStopTests
{
    private const string Channel = "700000000000000001";
    private const string DmJson = """{"id":"m1","channel_id":"700000000000000001","author":{"id":"53908232506183680","username":"resident42"},"content":"my Step 2 score is 245","mentions":[]}""";

    [Fact]
    public async Task Stop_WhileATurnIsInProgress_FinishesAndSendsItsAnswerBeforeExiting()
    {
        // Arrange: the engine is in the middle of the turn when the stop comes.
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotHarness.StartAsync();
        bot.Engine.Answer = async _ =>
        {
            await finish.Task;
            return [new Reply("Saved your Step 2 CK score.")];
        };
        await bot.Fake.Gateway.DispatchAsync("MESSAGE_CREATE", DmJson);
        await BotHarness.WaitUntilAsync(() => !bot.Engine.Received.IsEmpty);

        // Act
        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stopping = bot.Host.StopAsync(shutdownTimeout.Token);
        await Task.Delay(200);
        var stoppedBeforeTheTurnEnded = stopping.IsCompleted;
        finish.SetResult();
        await stopping;

        // Assert
        Assert.False(stoppedBeforeTheTurnEnded);
        Assert.Single(bot.Fake.RequestsTo($"/channels/{Channel}/messages"));
    }
}
