using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.EndToEnd;

public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_AtEveryLevel_NeverContainTheTokenOrMessageText()
    {
        // Arrange
        await using var api = await FakeBotApi.StartAsync(token: "987654:VERY-SECRET-token");
        var logs = new CapturingLoggerProvider();
        var builder = TestBot.Builder(TestBot.Settings(api));
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<IConversationEngine>(new FakeEngine());
        builder.Services.AddSingleton<IAdapterStateStore>(new InMemoryAdapterStateStore());
        builder.AddTelegramAdapter();
        using var host = builder.Build();
        await host.StartAsync();

        // Act: a normal message, a failed send, and a retried one.
        api.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        api.SendText(5, "my Step 2 CK is 231");
        await api.WaitForSentAsync(5, 1);
        await host.StopAsync();

        // Assert
        Assert.Contains(logs.Lines, l => l.Contains("flood control", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("VERY-SECRET", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("231", StringComparison.Ordinal));
    }
}
