using System.Diagnostics;

namespace SmartPick.Bot.LoadTest.Bot;

/// <summary>
/// The real host in a child process ("dotnet SmartPick.Bot.LoadTest.dll host ARGS" runs BotHost.CreateBuilder with
/// adapters and RunAsync), so it can be killed with SIGKILL and restarted on the same database.
/// </summary>
public sealed class ChildProcessBot(string[] args) : IBotUnderTest
{
    private Process? _process;

    public bool IsRunning => _process is { HasExited: false };

    public int Starts { get; private set; }

    /// <summary>The running process's id (instances name themselves "host:pid:…" in lease rows).</summary>
    public int? ProcessId => _process?.Id;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var self = typeof(ChildProcessBot).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(self);
        start.ArgumentList.Add("host");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the bot process");
        _process.ErrorDataReceived += (_, e) => Forward(e.Data);
        _process.OutputDataReceived += (_, e) => Forward(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        Starts++;
        return Task.CompletedTask;
    }

    /// <summary>SIGKILL (Process.Kill on Unix): no shutdown hooks, no drain, no flush.</summary>
    public async Task KillAsync()
    {
        if (_process is { } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
            p.Dispose();
            _process = null;
        }
    }

    /// <summary>SIGTERM (what systemd sends on a deploy) and wait for the host's graceful stop to end.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        if (_process is { } p)
        {
            using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var cts = new CancellationTokenSource(timeout);
            await p.WaitForExitAsync(cts.Token);
            p.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private static void Forward(string? line)
    {
        if (!string.IsNullOrEmpty(line) && Environment.GetEnvironmentVariable("SMARTPICK_LOAD_LOG") == "1")
        {
            Console.Error.WriteLine("[bot] " + line);
        }
    }
}
