namespace SmartPick.Bot.LoadTest.Bot;

/// <summary>The bot being loaded: the real host composition, in this process or in a child process that can be SIGKILLed.</summary>
public interface IBotUnderTest : IAsyncDisposable
{
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>False once the host stopped on its own (a crash or a fatal error).</summary>
    bool IsRunning { get; }
}
