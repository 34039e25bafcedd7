namespace SmartPick.Bot.Core.Adapters;

/// <summary>
/// An adapter that stops the host on a fatal error (token rejected, Discord close 4004) records it here first, so
/// the process ends with a non-zero exit code instead of looking like a clean shutdown.
/// </summary>
public sealed class AdapterFailure
{
    private volatile string? _platform;

    public bool Failed => _platform is not null;

    public string? Platform => _platform;

    public void Report(string platform) => _platform ??= platform;
}
