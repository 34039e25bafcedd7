using System.Diagnostics;
using System.Text;

namespace SmartPick.Bot.Tests.Http;

/// <summary>The real host executable ("dotnet SmartPick.Bot.dll run ...") with its stderr (the log) captured.</summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    public BotProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SmartPick.Bot.dll"), "run", .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public async Task WaitForLogAsync(string text)
    {
        var watch = Stopwatch.StartNew();
        while (!Log.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"'{text}' not logged; log:\n{Log}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>What systemd sends on "systemctl stop" (and Docker on "docker stop").</summary>
    public void SendSigterm()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
