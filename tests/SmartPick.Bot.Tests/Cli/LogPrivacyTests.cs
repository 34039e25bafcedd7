using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Tests.Cli;

/// <summary>Logs at every level carry ids and timings, never profile values, message text or tokens.</summary>
public sealed class LogPrivacyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-logs-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task FullConversation_AtTraceLevel_LogsNoProfileValuesTextOrSecrets()
    {
        // Arrange: the real host composition, a capturing logger at Trace, distinctive secret-looking values.
        const string token = "123456789:AAE-secret-token-value-that-must-not-leak";
        var builder = BotHost.CreateBuilder(
            [$"--SmartPick:Storage:ConnectionString=Data Source={Path.Combine(_dir, "b.db")}", $"--SmartPick:Ai:ApiKey={token}"],
            withAdapters: false);
        var sink = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(sink).SetMinimumLevel(LogLevel.Trace);
        using var host = builder.Build();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<IConversationEngine>();
        string[] lines = ["/profile", "Internal Medicine", "Non-US IMG", "J-1", "One at a time", "Passed, first attempt", "Step 2: 247", "First attempt", "no", "2013", "7 months", "yes", "yes", "3", "2", "1",
            "Tagalog", "4", "SoCal, CA", "skip", "0", "i got 251 on ck and graduated 2013", "yes", "/rank", "/plan", "/explain-score", "/export", "Quetzalcoatl question about visas?"];

        // Act
        foreach (var line in lines)
        {
            await engine.HandleAsync(new InboundMessage("test", "dm-9", "user-9", ChatKind.Direct, new TextContent(line)), CancellationToken.None);
        }

        await host.StopAsync();

        // Assert
        var logs = string.Join('\n', sink.Lines);
        Assert.NotEmpty(sink.Lines);
        foreach (var secret in (string[])["Tagalog", "Quetzalcoatl", "secret-token", "Step 2: 247", "2013", "J-1"])
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
        }
    }
}
