using SmartPick.Bot.Telegram.Tests.Fakes;

namespace SmartPick.Bot.Telegram.Tests.Support;

/// <summary>The lifetime the real-host tests share: a fake Bot API started per test and a real bot built against it.</summary>
public abstract class RealBotTests : IAsyncLifetime, IDisposable
{
    internal RealBot Bot { get; } = new();

    internal FakeBotApi Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await Api.DisposeAsync();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Bot.Dispose();
        }
    }
}
